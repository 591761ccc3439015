// The viewer's other moves: a public statement, unilateral actions, and ready/pass.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { LIMITS } from '../../../../shared/protocol/limits';
import { t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { resourceLabel } from '../../ui/names';
import { hasPower } from './permissions';

export function ReadyToggle() {
  const { view } = useSession();
  const action = useAction();
  const me = view.me;
  if (!me || view.status !== 'running') return null;
  const ready = view.seats.find((s) => s.role === me.role.id && s.seat === me.seat)?.ready ?? false;
  return (
    <Stack gap={4}>
      <Switch
        checked={ready}
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
  const { view, scenario } = useSession();
  const [tone, setTone] = useState<string | null>(scenario?.statements[0]?.id ?? null);
  const [text, setText] = useState('');
  const action = useAction();
  if (!scenario || scenario.statements.length === 0) return null;
  const allowed = hasPower(view, 'speak');
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
        {!allowed && (
          <Text size="xs" c="dimmed">
            {t.table.noPowerHint(t.powers.speak)}
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
  const action = useAction();
  const me = view.me;
  if (!scenario || !me) return null;
  const mine = scenario.actions.filter((a) => (!a.roles || a.roles.includes(me.role.id)) && (!a.kinds || a.kinds.includes(me.role.kind)));
  if (mine.length === 0) return null;
  const allowed = hasPower(view, 'act');
  const uses = view.actionUses[me.role.id] ?? {};
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t.table.actions}
      </Text>
      {!allowed && (
        <Text size="xs" c="dimmed">
          {t.table.noPowerHint(t.powers.act)}
        </Text>
      )}
      {mine.map((a) => {
        const left = a.maxUses !== undefined ? a.maxUses - (uses[a.id] ?? 0) : null;
        const cost = Object.entries(a.cost);
        return (
          <Paper key={a.id} p="xs" withBorder>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {a.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.description}
                </Text>
                <Group gap={4} mt={4}>
                  {cost.map(([resource, amount]) => (
                    <Badge key={resource} size="xs" variant="outline" color="gray">
                      {t.table.cost}: {amount} {resourceLabel(scenario, resource)}
                    </Badge>
                  ))}
                  {left !== null && (
                    <Badge size="xs" variant="light" color={left > 0 ? 'space' : 'gray'}>
                      {t.table.usesLeft(left)}
                    </Badge>
                  )}
                </Group>
              </div>
              <Button
                size="xs"
                variant="light"
                disabled={!allowed || left === 0}
                onClick={() => window.confirm(t.table.confirmAction(a.label)) && action.submit({ type: 'unilateralAction', action: a.id })}
              >
                {t.table.takeAction}
              </Button>
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
