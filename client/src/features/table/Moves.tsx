// The viewer's other moves: a public statement, unilateral actions, and ready/pass.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Switch, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { LIMITS } from '@shared/protocol/limits';
import { errorText, t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { resourceLabel } from '../../ui/names';
import { concerns, refusalOf, useMoves } from './permissions';

function ReadyToggle() {
  const { view } = useSession();
  const moves = useMoves();
  const action = useAction();
  const me = view.me;
  if (!me || !moves || !concerns(moves.ready)) return null;
  const ready = view.seats.find((s) => s.role === me.role.id && s.seat === me.seat)?.ready ?? false;
  return (
    <Stack gap={4}>
      <Switch
        checked={ready}
        disabled={!moves.ready.available}
        onChange={(e) => action.submit({ type: 'ready', ready: e.currentTarget.checked })}
        label={ready ? t.table.readyOn : t.table.ready}
        description={t.table.readyHint}
        size="md"
        data-testid="ready-toggle"
      />
      <ActionErrorText error={action.error} onClose={action.reset} />
    </Stack>
  );
}

function StatementForm() {
  const { scenario } = useSession();
  const moves = useMoves();
  const [tone, setTone] = useState<string | null>(scenario?.statements[0]?.id ?? null);
  const [text, setText] = useState('');
  const action = useAction();
  if (!scenario || !moves || scenario.statements.length === 0 || !concerns(moves.publicStatement)) return null;
  const refusal = refusalOf(moves.publicStatement);
  const allowed = !refusal;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!tone || !text.trim()) return;
        action.submit({ type: 'publicStatement', tone, text: text.trim() });
        setText('');
      }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t.table.statement}
        </Text>
        {refusal && (
          <Text size="xs" c="dimmed" data-testid="statement-unavailable">
            {errorText(refusal)}
          </Text>
        )}
        <Select
          label={t.table.statementTone}
          data={scenario.statements.map((s) => ({ value: s.id, label: s.label }))}
          value={tone}
          onChange={setTone}
          allowDeselect={false}
          disabled={!allowed}
          size="xs"
        />
        <Textarea
          label={t.table.statementText}
          placeholder={t.table.statementPlaceholder}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={LIMITS.statementChars}
          autosize
          minRows={2}
          disabled={!allowed}
          size="xs"
        />
        <ActionErrorText error={action.error} onClose={action.reset} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" disabled={!allowed || !text.trim()} loading={action.pending}>
            {t.table.publish}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UnilateralActions() {
  const { view, scenario } = useSession();
  const moves = useMoves();
  const action = useAction();
  const me = view.me;
  if (!scenario || !me || !moves) return null;
  // The scenario's actions that are the seat's delegation's to take (by its id or its kind).
  const mine = scenario.actions.filter((a) => concerns(moves.unilateralAction[a.id]));
  if (mine.length === 0) return null;
  const uses = view.actionUses[me.role.id] ?? {};
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t.table.actions}
      </Text>
      {mine.map((a) => {
        const left = a.maxUses !== undefined ? a.maxUses - (uses[a.id] ?? 0) : null;
        const cost = Object.entries(a.cost);
        const refusal = refusalOf(moves.unilateralAction[a.id]);
        const button = (
          <Button
            size="xs"
            variant="light"
            style={{ flexShrink: 0 }}
            disabled={!!refusal}
            onClick={() => window.confirm(t.table.confirmAction({ label: a.label })) && action.submit({ type: 'unilateralAction', action: a.id })}
          >
            {t.table.takeAction}
          </Button>
        );
        return (
          <Paper key={a.id} p="xs" withBorder>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} data-text="scenario">
                  {a.label}
                </Text>
                <Text size="xs" c="dimmed" data-text="scenario">
                  {a.description}
                </Text>
                <Group gap={4} mt={4}>
                  {cost.map(([resource, amount]) => (
                    <Badge key={resource} size="xs" variant="outline" color="gray">
                      {t.format.labelled({ label: t.table.cost, value: t.format.amount({ n: amount, resource: resourceLabel(scenario, resource) }) })}
                    </Badge>
                  ))}
                  {left !== null && (
                    <Badge size="xs" variant="light" color={left > 0 ? 'space' : 'gray'}>
                      {t.table.usesLeft({ n: left })}
                    </Badge>
                  )}
                </Group>
              </div>
              {refusal ? (
                <Tooltip label={errorText(refusal)} multiline maw={320}>
                  <span tabIndex={0} style={{ flexShrink: 0 }}>
                    {button}
                  </span>
                </Tooltip>
              ) : (
                button
              )}
            </Group>
          </Paper>
        );
      })}
      <ActionErrorText error={action.error} onClose={action.reset} />
    </Stack>
  );
}

export function MovesPanel() {
  return (
    <Paper p="md" component="section" aria-labelledby="moves-title">
      <Stack gap="md">
        <Title order={2} size="h5" id="moves-title">
          {t.table.moves}
        </Title>
        <ReadyToggle />
        <StatementForm />
        <UnilateralActions />
      </Stack>
    </Paper>
  );
}
