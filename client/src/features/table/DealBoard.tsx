// The deal board: every deal the viewer may see, with each party's status and the moves open
// to the viewer's seat. Rejections from the server appear inside the card that caused them.
import { useState } from 'react';
import { Badge, Button, Collapse, Group, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { DealMoves, Move } from '@shared/engine/moves';
import type { Deal } from '@shared/engine/types';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { errorText, t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { dealTypeOf, roleName } from '../../ui/names';
import { Explain } from '../help/Explain';
import { DealEditor, type EditorMode } from './DealEditor';
import { concerns, refusalOf, useMoves } from './permissions';

const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  proposed: 'blue',
  accepted: 'cyan',
  signed: 'indigo',
  inForce: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
  failed: 'red',
  breached: 'orange',
  adopted: 'grape',
};

const OPEN_STATUSES = new Set(['draft', 'proposed', 'accepted', 'signed', 'inForce']);

function DealStatusBadge({ status, size = 'sm' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Explain text={t.help.statuses[status]}>
      <Badge component="span" color={STATUS_COLOR[status] ?? 'gray'} variant={status === 'inForce' ? 'filled' : 'light'} size={size} style={{ flexShrink: 0 }} data-testid="deal-status" data-status={status}>
        {t.deals.statuses[status] ?? status}
      </Badge>
    </Explain>
  );
}

export function TermsTable({ deal, scenario, terms }: { deal: Deal; scenario: PublicScenario | null; terms?: Record<string, string> }) {
  const type = dealTypeOf(scenario, deal.dealType);
  const chosen = terms ?? deal.versions.at(-1)?.terms ?? {};
  return (
    <Table fz="sm" verticalSpacing={3} horizontalSpacing="xs" withRowBorders={false}>
      <Table.Tbody>
        {(type?.issues ?? []).map((issue) => (
          <Table.Tr key={issue.id}>
            <Table.Td c="dimmed" w="40%" data-text="scenario">
              {issue.label}
            </Table.Td>
            <Table.Td fw={500} data-text="scenario">
              {issue.options.find((o) => o.id === chosen[issue.id])?.label ?? chosen[issue.id] ?? '–'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One line per party: accepted / signed / ratified, in words and marks (not colour alone). */
function PartyStatus({ deal, view, scenario }: { deal: Deal; view: GameView; scenario: PublicScenario | null }) {
  const type = dealTypeOf(scenario, deal.dealType);
  const steps: { key: 'acceptedBy' | 'signedBy' | 'ratifiedBy'; label: string; applies: (role: string) => boolean }[] = [
    { key: 'acceptedBy', label: t.deals.accepted, applies: () => true },
    { key: 'signedBy', label: t.deals.signed, applies: () => true },
    { key: 'ratifiedBy', label: t.deals.ratified, applies: (role) => !!type?.ratification && view.roles.find((r) => r.id === role)?.kind === 'government' },
  ];
  return (
    <Stack gap={2} aria-label={t.deals.partyStatus}>
      {/* The party's name in full beside its steps; the steps wrap below it on a narrow card. */}
      {deal.parties.map((party) => (
        <Group key={party} gap={6} data-testid={`party-${party}`}>
          <Text size="xs" fw={600} w={130} style={{ flexShrink: 0 }}>
            <span data-text="scenario">{roleName(view, party)}</span>
            {party === deal.author ? ` (${t.deals.author})` : ''}
          </Text>
          {steps
            .filter((s) => s.applies(party))
            .map((s) => {
              const done = deal[s.key].includes(party);
              return (
                <Badge key={s.key} size="xs" variant={done ? 'filled' : 'outline'} color={done ? 'teal' : 'gray'} leftSection={<span aria-hidden="true">{done ? '✓' : '○'}</span>}>
                  {s.label}
                </Badge>
              );
            })}
        </Group>
      ))}
    </Stack>
  );
}

/** A move on a deal, shown when it concerns the seat: enabled when the engine would take it, else
 *  disabled with the engine's reason. */
function MoveButton({ move, label, onClick, color, variant, testId }: { move: Move; label: string; onClick: () => void; color?: string; variant?: string; testId?: string }) {
  const refusal = refusalOf(move);
  const button = (
    <Button size="xs" variant={variant ?? (color ? 'filled' : 'light')} color={color} onClick={onClick} disabled={!!refusal} data-testid={testId}>
      {label}
    </Button>
  );
  return refusal ? <Tooltip label={errorText(refusal)} multiline maw={320}><span tabIndex={0}>{button}</span></Tooltip> : button;
}

function DealCard({ deal, onEdit }: { deal: Deal; onEdit: (mode: EditorMode) => void }) {
  const { view, scenario } = useSession();
  const action = useAction();
  const [historyOpen, setHistoryOpen] = useState(false);
  const type = dealTypeOf(scenario, deal.dealType);
  const value = view.me?.dealValues[deal.id];
  const moves = useMoves()?.deals[deal.id];
  const act = (type: 'proposeDeal' | 'acceptDeal' | 'rejectDeal' | 'withdrawDeal' | 'signDeal' | 'ratifyDeal' | 'breachDeal') => action.submit({ type, deal: deal.id });

  // Every move the engine rules on for this deal, in the order a negotiation takes them.
  const buttons: { key: keyof DealMoves; label: string; onClick: () => void; color?: string; variant?: string; testId?: string }[] = [
    { key: 'editDraft', label: t.deals.edit, onClick: () => onEdit({ kind: 'edit', deal }), variant: 'default' },
    { key: 'proposeDeal', label: t.deals.propose, onClick: () => act('proposeDeal'), color: 'space', testId: 'deal-propose' },
    { key: 'acceptDeal', label: t.deals.accept, onClick: () => act('acceptDeal'), color: 'teal', testId: 'deal-accept' },
    { key: 'counterDeal', label: t.deals.counter, onClick: () => onEdit({ kind: 'counter', deal }), testId: 'deal-counter' },
    { key: 'rejectDeal', label: t.deals.reject, onClick: () => act('rejectDeal'), testId: 'deal-reject' },
    { key: 'signDeal', label: t.deals.sign, onClick: () => act('signDeal'), color: 'space', testId: 'deal-sign' },
    { key: 'ratifyDeal', label: t.deals.ratify, onClick: () => act('ratifyDeal'), color: 'space', testId: 'deal-ratify' },
    deal.status === 'draft'
      ? { key: 'withdrawDeal', label: t.deals.withdraw, onClick: () => act('withdrawDeal'), variant: 'subtle', color: 'gray' }
      : { key: 'withdrawDeal', label: t.deals.withdraw, onClick: () => act('withdrawDeal'), testId: 'deal-withdraw' },
    { key: 'breachDeal', label: t.deals.breach, onClick: () => window.confirm(t.deals.confirmBreach) && act('breachDeal'), color: 'red', testId: 'deal-breach' },
    { key: 'adoptMemorandum', label: t.deals.adopt, onClick: () => onEdit({ kind: 'adopt', deal }), testId: 'deal-adopt' },
  ];
  const shown = moves ? buttons.filter((b) => concerns(moves[b.key])) : [];

  const current = deal.versions.at(-1);
  return (
    <Paper p="sm" component="article" aria-labelledby={`deal-${deal.id}-title`} data-testid={`deal-${deal.id}`} style={deal.status === 'inForce' ? { borderColor: 'var(--mantine-color-teal-5)' } : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} id={`deal-${deal.id}-title`} style={{ overflowWrap: 'anywhere' }} data-text="scenario">
              {type?.label ?? deal.dealType}
            </Text>
            <Text size="xs" c="dimmed">
              <span data-text="code">{deal.id}</span> · {t.deals.by({ role: roleName(view, deal.author) })} · {t.deals.round({ n: deal.round })}
              {current && current.version > 1 ? ` · ${t.deals.version({ n: current.version })}` : ''}
            </Text>
          </div>
          <DealStatusBadge status={deal.status} />
        </Group>
        <TermsTable deal={deal} scenario={scenario} />
        {value && (
          <Group gap={6}>
            <Badge variant="light" color={value.beatsWalkAway ? 'teal' : 'red'} leftSection={<span aria-hidden="true">{value.beatsWalkAway ? '✓' : '✗'}</span>} data-testid="deal-value">
              {t.deals.yourValue({ points: value.points, walkAway: value.walkAway })}
            </Badge>
          </Group>
        )}
        {deal.status !== 'draft' && <PartyStatus deal={deal} view={view} scenario={scenario} />}
        {deal.versions.length > 1 && (
          <>
            <Button variant="subtle" size="compact-xs" onClick={() => setHistoryOpen((o) => !o)} aria-expanded={historyOpen} w="fit-content">
              {t.format.withCount({ label: t.deals.history, n: deal.versions.length - 1 })}
            </Button>
            <Collapse expanded={historyOpen}>
              <Stack gap={4}>
                {deal.versions.slice(0, -1).reverse().map((v) => (
                  <Paper key={v.version} p={6} bg="gray.0" withBorder={false}>
                    <Text size="xs" c="dimmed">
                      {t.deals.version({ n: v.version })} · {t.deals.by({ role: roleName(view, v.by) })}
                    </Text>
                    <TermsTable deal={deal} scenario={scenario} terms={v.terms} />
                  </Paper>
                ))}
              </Stack>
            </Collapse>
          </>
        )}
        {shown.length > 0 && (
          <Group gap={6}>
            {shown.map(({ key, ...b }) => (
              <MoveButton key={key} move={moves![key]} {...b} />
            ))}
          </Group>
        )}
        <ActionErrorText error={action.error} onClose={action.reset} />
      </Stack>
    </Paper>
  );
}

export function DealList({ deals, onEdit }: { deals: Deal[]; onEdit: (mode: EditorMode) => void }) {
  if (deals.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.deals.none}
      </Text>
    );
  return (
    <Stack gap="sm">
      {deals.map((deal) => (
        <DealCard key={deal.id} deal={deal} onEdit={onEdit} />
      ))}
    </Stack>
  );
}

export function DealBoard({ height }: { height?: number | string }) {
  const { view } = useSession();
  const moves = useMoves();
  const [editor, setEditor] = useState<EditorMode | null>(null);
  // Drafting is offered when some deal type is the seat's to draft, now or in a later phase.
  const mayDraft = !!moves && Object.values(moves.dealTypes).some((d) => concerns(d.draftDeal));
  const sorted = view.deals.slice().sort((a, b) => Number(OPEN_STATUSES.has(b.status)) - Number(OPEN_STATUSES.has(a.status)) || b.id.localeCompare(a.id, undefined, { numeric: true }));
  const trackOne = sorted.filter((d) => d.track === 1);
  const trackTwo = sorted.filter((d) => d.track === 2);
  return (
    <Paper p="md" component="section" aria-labelledby="deal-board-title" bg="gray.0" h={height} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id="deal-board-title">
          {t.deals.board}
        </Title>
        {mayDraft && !editor && (
          <Button size="xs" onClick={() => setEditor({ kind: 'new' })} data-testid="new-draft">
            + {t.deals.newDraft}
          </Button>
        )}
      </Group>
      <ScrollArea type="auto" offsetScrollbars style={{ flex: 1 }}>
        <Stack gap="md">
          {editor && <DealEditor key={JSON.stringify(editor.kind === 'new' ? 'new' : [editor.kind, editor.deal.id])} mode={editor} onDone={() => setEditor(null)} />}
          <div>
            <Text size="sm" fw={600} mb={6}>
              {t.deals.trackOne}
            </Text>
            <DealList deals={trackOne} onEdit={setEditor} />
          </div>
          <div>
            <Text size="sm" fw={600} mb={6}>
              {t.deals.trackTwo}
            </Text>
            <DealList deals={trackTwo} onEdit={setEditor} />
          </div>
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
