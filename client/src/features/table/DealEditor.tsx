// Drafting a proposal: a deal type, its parties, one option per issue, and, live, what the terms
// are worth to the viewer's role against its walk-away (the shared engine's evaluateProposal,
// run in the browser on the role's own point table). Also used to counter, edit and adopt.
// One deal per type (rules v2): when a party already has a deal of the type in force, the draft
// names the one it replaces; an adoption keeps the memorandum's terms and lets the government set
// the agreement's issues the memorandum left open.
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Group, MultiSelect, Paper, Pill, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AvailableMoves, Move } from '@shared/engine/moves';
import { evaluateProposal } from '@shared/engine/score';
import type { Deal } from '@shared/engine/types';
import type { GameView } from '@shared/engine/view';
import { formatNumber, list, t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { dealTypeOf } from '../../ui/names';
import { concerns, refusalOf, useMoves } from './permissions';

export type EditorMode = { kind: 'new' } | { kind: 'edit'; deal: Deal } | { kind: 'counter'; deal: Deal } | { kind: 'adopt'; deal: Deal };

/** The roles the engine lets the viewer's role name as parties of a type, besides itself. */
function counterparts(moves: AvailableMoves | null, typeId: string | null | undefined, me: string): string[] {
  return (typeId && moves?.dealTypes[typeId]?.parties.filter((r) => r !== me)) || [];
}

/** A two-party type with a single possible counterpart needs no choosing. */
function onlyCounterpart(moves: AvailableMoves | null, typeId: string | null | undefined, me: string): string[] {
  const others = counterparts(moves, typeId, me);
  return typeId && moves?.dealTypes[typeId]?.max === 2 && others.length === 1 ? others : [];
}

function LiveValue({ view, dealType, terms }: { view: GameView; dealType: string; terms: Record<string, string> }) {
  const me = view.me;
  const value = me ? evaluateProposal({ roles: [me.role] }, me.role.id, dealType, terms) : null;
  if (!me) return null;
  if (!value)
    return (
      <Paper p="xs" px="sm" bg="gray.0">
        <Text size="sm" c="dimmed">
          {t.deals.noTable}
        </Text>
      </Paper>
    );
  return (
    <Paper p="xs" px="sm" bg={value.beatsWalkAway ? 'teal.0' : 'red.0'} style={{ borderColor: `var(--mantine-color-${value.beatsWalkAway ? 'teal' : 'red'}-4)` }} data-testid="live-value" aria-live="polite">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t.deals.liveValue}
          </Text>
          <Group gap={8} align="baseline" wrap="nowrap">
            <Text fw={800} size="1.6rem" className="tabular" lh={1.1} data-testid="live-points">
              {formatNumber(value.points)}
            </Text>
            <Text size="sm" c="dimmed" className="tabular">
              {t.deals.walkAway({ n: value.walkAway })}
            </Text>
          </Group>
        </div>
        <Badge color={value.beatsWalkAway ? 'teal' : 'red'} variant="filled" leftSection={<span aria-hidden="true">{value.beatsWalkAway ? '✓' : '✗'}</span>} style={{ flexShrink: 0 }}>
          {value.beatsWalkAway ? t.deals.beats : t.deals.below}
        </Badge>
      </Group>
    </Paper>
  );
}

export function DealEditor({ mode, onDone }: { mode: EditorMode; onDone: () => void }) {
  const { view, scenario } = useSession();
  const moves = useMoves();
  const me = view.me!.role.id;
  // The types the viewer's role may draft, now or once the phase or an event allows it.
  const types = (scenario?.dealTypes ?? []).filter((d) => moves && concerns(moves.dealTypes[d.id].draftDeal));
  const source = mode.kind === 'new' ? null : mode.deal;
  const [dealTypeId, setDealTypeId] = useState<string | null>(() => {
    if (!source) return types[0]?.id ?? null;
    if (mode.kind === 'adopt') return dealTypeOf(scenario, source.dealType)?.adoptAs ?? null;
    return source.dealType;
  });
  const type = dealTypeOf(scenario, dealTypeId ?? '');
  const memoTerms = mode.kind === 'adopt' ? (source?.versions.at(-1)?.terms ?? {}) : {};
  const [terms, setTerms] = useState<Record<string, string>>(() => ({ ...(source?.versions.at(-1)?.terms ?? {}) }));
  const [parties, setParties] = useState<string[]>(() =>
    source && mode.kind !== 'adopt' ? source.parties.filter((p) => p !== me) : onlyCounterpart(moves, dealTypeId, me),
  );
  const action = useAction();
  // A move the engine would refuse is answered here, with the engine's own reason.
  const [refused, setRefused] = useState<Move | null>(null);

  useEffect(() => {
    if (action.done) onDone();
  }, [action.done, onDone]);

  const partyChoices = useMemo(
    () => counterparts(moves, dealTypeId, me).map((r) => ({ value: r, label: view.roles.find((x) => x.id === r)?.name ?? r })),
    [moves, view, dealTypeId, me],
  );
  const myTable = view.me!.role.pointTables[dealTypeId ?? ''];
  /** An adoption keeps what the memorandum settled. */
  const termFixed = (issue: string) => memoTerms[issue] !== undefined;
  // The deals of this type in force that one of the parties is in: the new one may replace one.
  const replaceable = useMemo(() => {
    if (!dealTypeId || mode.kind === 'counter') return [];
    const involved = [me, ...parties];
    return view.deals.filter((d) => d.dealType === dealTypeId && d.status === 'inForce' && d.parties.some((p) => involved.includes(p)));
  }, [view.deals, dealTypeId, parties, me, mode.kind]);
  const [supersedesChoice, setSupersedes] = useState<string | null>(() => (mode.kind === 'edit' ? mode.deal.supersedes : null));
  // With one candidate there is nothing to choose; a choice no longer in force is dropped.
  const supersedes = replaceable.some((d) => d.id === supersedesChoice) ? supersedesChoice : replaceable.length === 1 ? replaceable[0].id : null;
  const roleNames = (roles: readonly string[]) => list(roles.map((p) => view.roles.find((r) => r.id === p)?.name ?? p));
  const partiesFixed = mode.kind === 'counter';
  const complete = !!type && type.issues.every((i) => terms[i.id]);

  function submit() {
    if (!type || !moves) return;
    const move =
      mode.kind === 'new'
        ? moves.dealTypes[type.id].draftDeal
        : mode.kind === 'edit'
          ? moves.deals[mode.deal.id]?.editDraft
          : mode.kind === 'counter'
            ? moves.deals[mode.deal.id]?.counterDeal
            : moves.deals[mode.deal.id]?.adoptMemorandum;
    setRefused(move && !move.available ? move : null);
    if (!move?.available) return;
    const allParties = [me, ...parties];
    const picked = Object.fromEntries(type.issues.map((i) => [i.id, terms[i.id]]));
    const replacing = supersedes ? { supersedes } : {};
    if (mode.kind === 'new') action.submit({ type: 'draftDeal', dealType: type.id, parties: allParties, terms: picked, ...replacing });
    else if (mode.kind === 'edit') action.submit({ type: 'editDraft', deal: mode.deal.id, parties: allParties, terms: picked, ...replacing });
    else if (mode.kind === 'counter') action.submit({ type: 'counterDeal', deal: mode.deal.id, terms: picked });
    else {
      const open = Object.fromEntries(type.issues.filter((i) => !termFixed(i.id)).map((i) => [i.id, terms[i.id]]));
      action.submit({ type: 'adoptMemorandum', deal: mode.deal.id, parties: allParties, ...(Object.keys(open).length ? { terms: open } : {}), ...replacing });
    }
  }

  const title = { new: t.deals.newDraft, edit: t.deals.edit, counter: t.deals.counterTitle, adopt: t.deals.adoptTitle }[mode.kind];
  const submitLabel = { new: t.deals.saveDraft, edit: t.deals.updateDraft, counter: t.deals.sendCounter, adopt: t.deals.adopt }[mode.kind];

  return (
    <Paper p="md" shadow="sm" withBorder style={{ borderColor: 'var(--mantine-color-space-4)' }} component="section" aria-labelledby="deal-editor-title" data-testid="deal-editor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="deal-editor-title">
            {title}
            {source ? ` · ${source.id}` : ''}
          </Title>
        </Group>
        <SimpleGrid cols={1} spacing="sm">
          {mode.kind === 'new' ? (
            <Select
              label={t.deals.dealType}
              data={types.map((d) => {
                const draft = moves?.dealTypes[d.id].draftDeal;
                const locked = !!draft && !draft.available && draft.reason === 'deal-type-locked';
                return { value: d.id, label: `${d.label} (${d.track === 2 ? t.table.trackTwo : t.table.trackOne})${locked ? ` · ${t.deals.locked}` : ''}` };
              })}
              value={dealTypeId}
              onChange={(v) => {
                setDealTypeId(v);
                setTerms({});
                setRefused(null);
                setParties(onlyCounterpart(moves, v, me));
              }}
              allowDeselect={false}
              data-testid="deal-type-select"
            />
          ) : (
            <div>
              <Text size="sm" fw={500}>
                {t.deals.dealType}
              </Text>
              <Text data-text="scenario">{type?.label}</Text>
            </div>
          )}
          {partiesFixed ? (
            <div>
              <Text size="sm" fw={500}>
                {t.deals.parties}
              </Text>
              <Text data-text="scenario">{roleNames(source!.parties)}</Text>
            </div>
          ) : (
            <MultiSelect
              label={t.deals.parties}
              description={type ? t.deals.partiesHint({ exact: type.parties.min === type.parties.max, min: type.parties.min, max: type.parties.max }) : undefined}
              data={partyChoices}
              value={parties}
              onChange={setParties}
              maxValues={dealTypeId && moves?.dealTypes[dealTypeId] ? moves.dealTypes[dealTypeId].max - 1 : undefined}
              data-testid="deal-parties"
              // A party's name is the scenario's (marked for the pseudo-language pass, docs/translating.md).
              renderPill={({ option, onRemove, disabled }) => (
                <Pill withRemoveButton={!disabled} onRemove={onRemove} disabled={disabled}>
                  <span data-text="scenario">{option?.label}</span>
                </Pill>
              )}
            />
          )}
          {replaceable.length > 0 && (
            <Select
              label={t.deals.supersedes}
              description={t.deals.supersedesHint}
              data={replaceable.map((d) => ({ value: d.id, label: `${d.id} · ${roleNames(d.parties)}` }))}
              value={supersedes}
              onChange={setSupersedes}
              allowDeselect={false}
              data-testid="deal-supersedes"
            />
          )}
        </SimpleGrid>
        {type && (
          <Text size="sm" c="dimmed" data-text="scenario">
            {type.description}
          </Text>
        )}
        {dealTypeId && (
          <div style={{ position: 'sticky', top: 0, zIndex: 2 }}>
            <LiveValue view={view} dealType={dealTypeId} terms={terms} />
          </div>
        )}
        <Stack gap="sm">
            {type?.issues.map((issue) => (
              <Radio.Group
                key={issue.id}
                label={<span data-text="scenario">{issue.label}</span>}
                description={issue.description && <span data-text="scenario">{issue.description}</span>}
                value={terms[issue.id] ?? null}
                onChange={(v) => !termFixed(issue.id) && setTerms((prev) => ({ ...prev, [issue.id]: v }))}
                name={`issue-${issue.id}`}
                data-testid={`issue-${issue.id}`}
              >
                <Stack gap={4} mt={4}>
                  {issue.options.map((option) => {
                    const points = myTable?.issues[issue.id]?.[option.id];
                    return (
                      <Radio
                        key={option.id}
                        value={option.id}
                        disabled={termFixed(issue.id) && terms[issue.id] !== option.id}
                        label={
                          <Group gap={6} wrap="nowrap">
                            <span data-text="scenario">{option.label}</span>
                            {points !== undefined && (
                              <Badge size="xs" variant="outline" color={points > 0 ? 'teal' : points < 0 ? 'red' : 'gray'} className="tabular">
                                {t.format.signed({ n: points })}
                              </Badge>
                            )}
                          </Group>
                        }
                        description={option.description && <span data-text="scenario">{option.description}</span>}
                      />
                    );
                  })}
                </Stack>
              </Radio.Group>
            ))}
        </Stack>
        <ActionErrorText
          error={refusalOf(refused) ?? action.error}
          onClose={() => {
            setRefused(null);
            action.reset();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t.app.cancel}
          </Button>
          <Button onClick={submit} loading={action.pending} disabled={!complete || (!partiesFixed && parties.length === 0)} data-testid="deal-editor-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
