// The point tables of one deal type as a grid: a row per option of each issue, a column per role,
// the walk-away at the bottom. Each cell edits its number in the YAML; a missing cell (the
// loader's "has no points for option" problem) is outlined and filled by typing in it. Above the
// grid, live: how many agreements beat every party's walk-away (shared/analysis, the same numbers
// as `spacebridge analyze`).
import { memo, useState } from 'react';
import { Alert, Button, NumberInput, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { LiveCount, Views } from './check';
import { isObj, list, rawRoles, str, type Obj } from './raw';
import type { Edit } from './StudioScreen';
import { st, useStudioText } from './text';
import classes from './Studio.module.css';

/** Drawn again only when the views' data changes (not on every verdict). */
export const PointTablesView = memo(function PointTablesView({ views, edit }: { views: Views; edit: Edit }) {
  useStudioText(); // memo: re-drawn when the studio's words change too
  const raw = views.raw!;
  const dealTypes = list(raw.dealTypes);
  const [chosen, setChosen] = useState<string | null>(null);
  const dealType = dealTypes.find((d) => str(d.id) === chosen) ?? dealTypes[0];
  if (!dealType) return <Text c="dimmed">{st.points.none}</Text>;
  const dealTypeId = str(dealType.id);
  const issues = list(dealType.issues);
  const roles = rawRoles(raw).filter(({ role }) => isObj(role.pointTables) && isObj(role.pointTables[dealTypeId]) || mayBeParty(role, dealType));

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={st.points.dealType}
        value={dealTypeId}
        onChange={setChosen}
        data={dealTypes.map((d) => ({ value: str(d.id), label: str(d.label, str(d.id)) }))}
        style={{ alignSelf: 'flex-start' }}
        data-text="scenario"
      />
      <Live live={views.live[dealTypeId]} names={new Map(views.scenario?.roles.map((r) => [r.id, r.name]))} />
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <Table className={`${classes.grid} tabular`} verticalSpacing={2} horizontalSpacing="xs" data-testid="point-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{st.points.option}</Table.Th>
              {roles.map(({ index, name }) => (
                <Table.Th key={index} ta="right" data-text="scenario">
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue) => {
              const issueId = str(issue.id);
              return [
                <Table.Tr key={issueId}>
                  <Table.Th colSpan={roles.length + 1} data-text="scenario">
                    {str(issue.label, issueId)}
                  </Table.Th>
                </Table.Tr>,
                ...list(issue.options).map((option) => {
                  const optionId = str(option.id);
                  return (
                    <Table.Tr key={`${issueId}/${optionId}`}>
                      <Table.Td data-text="scenario">{str(option.label, optionId)}</Table.Td>
                      {roles.map(({ index, role, name }) => {
                        const table = tableOf(role, dealTypeId);
                        if (!table) return <Table.Td key={index} ta="right" c="dimmed">{st.points.noTable}</Table.Td>;
                        const value = isObj(table.issues) && isObj(table.issues[issueId]) ? table.issues[issueId][optionId] : undefined;
                        return (
                          <Table.Td key={index}>
                            <Cell
                              label={st.points.cell({ role: name, issue: str(issue.label, issueId), option: str(option.label, optionId) })}
                              value={value}
                              onChange={(n) => edit(['roles', index, 'pointTables', dealTypeId, 'issues', issueId, optionId], n)}
                            />
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  );
                }),
              ];
            })}
            <Table.Tr>
              <Table.Th>{st.points.walkAway}</Table.Th>
              {roles.map(({ index, role, name }) => {
                const table = tableOf(role, dealTypeId);
                return (
                  <Table.Td key={index}>
                    {table ? (
                      <Cell label={st.points.walkAwayCell({ role: name })} value={table.walkAway} onChange={(n) => edit(['roles', index, 'pointTables', dealTypeId, 'walkAway'], n)} />
                    ) : (
                      <Button size="compact-xs" variant="light" onClick={() => edit(['roles', index, 'pointTables', dealTypeId], emptyTable(issues))}>
                        {st.points.addTable}
                      </Button>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
});

function tableOf(role: Obj, dealTypeId: string): Obj | null {
  return isObj(role.pointTables) && isObj(role.pointTables[dealTypeId]) ? role.pointTables[dealTypeId] : null;
}

/** A role may be a party when the deal type names its id or kind, or names neither. */
function mayBeParty(role: Obj, dealType: Obj): boolean {
  const parties = isObj(dealType.parties) ? dealType.parties : {};
  const roles = Array.isArray(parties.roles) ? parties.roles : null;
  const kinds = Array.isArray(parties.kinds) ? parties.kinds : null;
  if (!roles && !kinds) return true;
  return (roles?.includes(role.id) ?? false) || (kinds?.includes(role.kind) ?? false);
}

function emptyTable(issues: Obj[]): Obj {
  return {
    walkAway: 0,
    issues: Object.fromEntries(issues.map((issue) => [str(issue.id), Object.fromEntries(list(issue.options).map((o) => [str(o.id), 0]))])),
  };
}

/** One number of the grid: written to the YAML as soon as it is a whole number. */
function Cell({ label, value, onChange }: { label: string; value: unknown; onChange: (n: number) => void }) {
  const missing = typeof value !== 'number';
  return (
    <NumberInput
      size="xs"
      w={72}
      ml="auto"
      aria-label={label}
      allowDecimal={false}
      hideControls
      value={missing ? '' : value}
      placeholder={missing ? st.points.missing : undefined}
      error={missing}
      onChange={(n) => {
        if (typeof n === 'number' && Number.isInteger(n) && n !== value) onChange(n);
      }}
    />
  );
}

/** How many agreements of this deal type beat every party's walk-away, per set of parties (from the check worker). */
function Live({ live, names }: { live: LiveCount | undefined; names: Map<string, string> }) {
  if (!live) return <Text size="sm" c="dimmed">{st.points.liveNeedsSchema}</Text>;
  if ('tooMany' in live) return <Text size="sm" c="dimmed">{st.points.tooMany({ n: live.combinations })}</Text>;
  return (
    <Stack gap={4} data-testid="live-count" aria-live="polite">
      {live.note && <Text size="sm" c="dimmed">{live.note}</Text>}
      {live.partySets.map((set) => (
        <Alert key={set.parties.join(' ')} py={4} color={set.acceptableToAll === 0 ? 'red' : set.acceptableToAll === live.combinations ? 'yellow' : 'teal'} variant="light">
          {st.points.live({ acceptable: set.acceptableToAll, total: live.combinations, parties: set.parties.map((p) => names.get(p) ?? p).join(' + ') })}
        </Alert>
      ))}
    </Stack>
  );
}
