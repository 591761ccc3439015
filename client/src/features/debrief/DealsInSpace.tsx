// Each agreed deal placed among all the agreements its type allows: what each party got against
// its walk-away, how many agreements everyone could have accepted, whether any was better for
// someone at no one's cost (Pareto-better) and which. Marks are words and symbols, not colour.
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DealInSpace } from '@shared/analysis';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { formatNumber, t } from '../../i18n';
import { roleName } from '../../ui/names';
import { dealsInSpace, paretoSummary, spaceSummary } from './placement';

export function DealsInSpace({ view, scenario }: { view: GameView; scenario: PublicScenario | null }) {
  const placed = dealsInSpace(view, scenario);
  return (
    <Paper p="lg" component="section" aria-labelledby="space-heading" data-testid="deals-in-space">
      <Title order={3} size="h4" id="space-heading">
        {t.debrief.space}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.debrief.spaceHint}
      </Text>
      {placed.length === 0 && <Text c="dimmed">{t.debrief.spaceNone}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {placed.map((p) => (
          <PlacedDeal key={p.deal} p={p} view={view} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Mark({ ok, children }: { ok: boolean; children: string }) {
  return (
    <Badge size="sm" color={ok ? 'teal' : 'orange'} variant={ok ? 'filled' : 'outline'} leftSection={<span aria-hidden="true">{ok ? '✓' : '✗'}</span>} style={{ textTransform: 'none' }}>
      {children}
    </Badge>
  );
}

function PlacedDeal({ p, view }: { p: DealInSpace; view: GameView }) {
  const parties = Object.keys(p.values);
  return (
    <Stack gap="xs" data-testid={`placed-${p.deal}`}>
      <div>
        <Text fw={600}>
          <span data-text="scenario">{p.dealTypeLabel}</span> · {t.deals.statuses[p.status]}
        </Text>
        <Text size="sm" c="dimmed" data-text="scenario">
          {p.parties.map((r) => roleName(view, r)).join(' · ')}
        </Text>
      </div>
      <Table fz="sm" verticalSpacing={2} horizontalSpacing="xs" withRowBorders={false}>
        <Table.Tbody>
          {p.terms.map((term) => (
            <Table.Tr key={term.issue}>
              <Table.Td c="dimmed" w="40%" data-text="scenario">
                {term.issueLabel}
              </Table.Td>
              <Table.Td fw={500} data-text="scenario">
                {term.optionLabel}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.valuedAs !== p.dealType && (
        <Text size="xs" c="dimmed">
          {t.debrief.valuedAs({ label: p.valuedAsLabel })}
        </Text>
      )}
      {p.note ? (
        <Text size="sm" c="dimmed">
          {p.note === 'no-point-tables' ? t.debrief.notScored : t.debrief.tooMany}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={500}>
            {spaceSummary(p)}
          </Text>
          <Group gap={6}>
            <Mark ok={p.acceptableToAll}>{p.acceptableToAll ? t.debrief.meetsWalkAways : t.debrief.belowWalkAway}</Mark>
            <Mark ok={p.paretoEfficient}>{paretoSummary(p)}</Mark>
          </Group>
          <Table fz="sm" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.debrief.party}</Table.Th>
                <Table.Th ta="right">{t.debrief.points}</Table.Th>
                <Table.Th ta="right">{t.debrief.walkAwayHeader}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parties.map((role) => (
                <Table.Tr key={role}>
                  <Table.Td data-text="scenario">{roleName(view, role)}</Table.Td>
                  <Table.Td ta="right" className="tabular" fw={600}>
                    {formatNumber(p.values[role])}
                    {p.values[role] < p.walkAways[role] && <Text span size="xs"> ✗</Text>}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatNumber(p.walkAways[role])}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {p.paretoBetter.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t.debrief.betterAlternatives}
              </Text>
              <Table.ScrollContainer minWidth={420}>
                <Table fz="xs" withTableBorder verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.debrief.terms}</Table.Th>
                      {parties.map((role) => (
                        <Table.Th key={role} ta="right" data-text="scenario">
                          {roleName(view, role)}
                        </Table.Th>
                      ))}
                      <Table.Th>{t.debrief.everyoneAccepts}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.paretoBetter.map((a, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          {a.terms.map((term) => (
                            <div key={term.issue}>
                              <Text span c="dimmed" size="xs">
                                {t.format.lead({ label: term.issueLabel })}
                              </Text>{' '}
                              <span data-text="scenario">{term.optionLabel}</span>
                            </div>
                          ))}
                        </Table.Td>
                        {parties.map((role) => (
                          <Table.Td key={role} ta="right" className="tabular" fw={600}>
                            {formatNumber(a.values[role])}
                          </Table.Td>
                        ))}
                        <Table.Td>{a.acceptableToAll ? `✓ ${t.debrief.yes}` : `✗ ${t.debrief.no}`}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {p.paretoBetterCount > p.paretoBetter.length && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t.debrief.moreNotListed({ n: p.paretoBetterCount - p.paretoBetter.length })}
                </Text>
              )}
            </div>
          )}
        </>
      )}
    </Stack>
  );
}
