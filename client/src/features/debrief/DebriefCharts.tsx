// Tracks and trust over the rounds (recharts, in its own lazy chunk). Lines differ by dash
// pattern as well as colour.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Grid, Group, Paper, Title } from '@mantine/core';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { formatNumber, t } from '../../i18n';

/** Axis ticks and tooltip values in the reader's locale (trust averages have a decimal: 52,5 in Russian). */
const number = (value: unknown) => formatNumber(Number(value), { maximumFractionDigits: 1 });
import { roleName } from '../../ui/names';

/** The legend: each line's colour and dash, and its name (`text`: the scenario's track labels
 *  are the scenario's, the trust pairs the catalogue's). Recharts' own would name each mark
 *  "… legend icon" in English to screen readers; these marks are hidden from them. */
function legend(text?: 'scenario') {
  return function LegendList({ payload }: { payload?: readonly { value?: unknown; color?: string; payload?: { strokeDasharray?: string | number } }[] }) {
    return (
      <Group component="ul" gap="xs" justify="center" style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 12 }}>
        {(payload ?? []).map((entry, i) => (
          <Group key={i} component="li" gap={4} wrap="nowrap">
            <svg width={24} height={10} aria-hidden="true">
              <line x1={0} y1={5} x2={24} y2={5} stroke={entry.color} strokeWidth={2.5} strokeDasharray={entry.payload?.strokeDasharray} />
            </svg>
            <span data-text={text}>{String(entry.value ?? '')}</span>
          </Group>
        ))}
      </Group>
    );
  };
}
const TrackLegend = legend('scenario');
const TrustLegend = legend();

const COLORS = ['#1c3f8f', '#c92a2a', '#2b8a3e', '#9c36b5', '#e67700', '#0b7285', '#5f3dc4', '#495057'];
const DASHES = ['', '6 4', '2 3', '10 4 2 4', '1 0', '8 8', '4 2', '12 3'];

export default function DebriefCharts({ view, scenario }: { view: GameView; scenario: PublicScenario | null }) {
  const tracks = scenario?.tracks ?? [];
  const trackData = view.history.map((h) => ({ round: h.round, ...h.tracks }));
  // Trust between each pair, averaged over both directions: one line per pair.
  const pairs: [string, string][] = [];
  const roles = view.roles.map((r) => r.id);
  for (let i = 0; i < roles.length; i++) for (let j = i + 1; j < roles.length; j++) pairs.push([roles[i], roles[j]]);
  const trustData = view.history.map((h) => {
    const row: Record<string, number> = { round: h.round };
    for (const [a, b] of pairs) {
      const ab = h.trust[a]?.[b];
      const ba = h.trust[b]?.[a];
      if (ab !== undefined && ba !== undefined) row[`${a}|${b}`] = Math.round((ab + ba) / 2);
    }
    return row;
  });
  const shownPairs = pairs.filter(([a, b]) => trustData.some((row) => row[`${a}|${b}`] !== undefined));
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper p="lg" component="section" aria-labelledby="tracks-chart">
          <Title order={3} size="h4" id="tracks-chart" mb="sm">
            {t.debrief.tension}
          </Title>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={trackData} margin={{ left: -20, right: 10 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
              <XAxis dataKey="round" label={{ value: t.debrief.roundAxis, position: 'insideBottomRight', offset: -4 }} />
              <YAxis tickFormatter={number} />
              <Tooltip formatter={number} />
              <Legend content={TrackLegend} />
              {tracks.map((track, i) => (
                <Line key={track.id} dataKey={track.id} name={track.label} stroke={COLORS[i % COLORS.length]} strokeDasharray={DASHES[i % DASHES.length]} strokeWidth={2.5} dot isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper p="lg" component="section" aria-labelledby="trust-chart">
          <Title order={3} size="h4" id="trust-chart" mb="sm">
            {t.debrief.trust}
          </Title>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={trustData} margin={{ left: -20, right: 10 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
              <XAxis dataKey="round" />
              <YAxis domain={[0, 100]} tickFormatter={number} />
              <Tooltip formatter={number} />
              <Legend content={TrustLegend} />
              {shownPairs.map(([a, b], i) => (
                <Line
                  key={`${a}|${b}`}
                  dataKey={`${a}|${b}`}
                  name={t.debrief.trustPair({ a: roleName(view, a), b: roleName(view, b) })}
                  stroke={COLORS[i % COLORS.length]}
                  strokeDasharray={DASHES[i % DASHES.length]}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
