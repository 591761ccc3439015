// The analysis as charts (recharts, a lazy chunk of its own): the agreement space of each deal
// type, each role's surplus rate against its band, how often each objective was met, the track II
// effect; then every warning in the CLI's words.
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { List, Paper, Text, Title } from '@mantine/core';
import type { AgreementSpaceReport } from '@shared/analysis/agreementSpace';
import type { BalanceReport } from '@shared/bots/balance';
import type { Scenario } from '@shared/scenario/schema';
import { st } from './text';

const BLUE = '#1c3f8f';
const GREY = '#adb5bd';
const RED = '#c92a2a';

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export default function AnalyzeCharts({ space, balance, band, scenario }: { space: AgreementSpaceReport | null; balance: BalanceReport | null; band: { min: number; max: number }; scenario: Scenario | null }) {
  const roleName = (id: string) => scenario?.roles.find((r) => r.id === id)?.name ?? id;
  const spaceData = (space?.dealTypes ?? [])
    .filter((d) => d.partySets.length > 0)
    .map((d) => {
      const widest = d.partySets.reduce((a, b) => (b.parties.length - b.unvalued.length > a.parties.length - a.unvalued.length ? b : a));
      return { name: d.label, acceptable: widest.acceptableToAll, other: d.combinations - widest.acceptableToAll };
    });
  const surplus = (balance?.roles ?? []).map((r) => ({ name: roleName(r.role), rate: r.surplusRate }));
  const objectives = (balance?.objectives ?? []).map((o) => ({ name: `${roleName(o.role)}: ${o.id}`, met: o.met }));
  const t2 = balance?.trackTwo;
  const warnings = [...(space?.warnings ?? []), ...(balance?.warnings ?? [])];

  return (
    <>
      {spaceData.length > 0 && (
        <Section title={st.analyze.space} id="chart-space">
          <ResponsiveContainer width="100%" height={40 + spaceData.length * 36}>
            <BarChart data={spaceData} layout="vertical" margin={{ left: 10, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={150} />
              <Tooltip />
              <Legend />
              <Bar dataKey="acceptable" name={st.analyze.acceptable} stackId="s" fill={BLUE} isAnimationActive={false} />
              <Bar dataKey="other" name={st.analyze.notAcceptable} stackId="s" fill={GREY} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Section>
      )}
      {balance && (
        <>
          <Section title={st.analyze.surplus} id="chart-surplus">
            <ResponsiveContainer width="100%" height={40 + surplus.length * 32}>
              <BarChart data={surplus} layout="vertical" margin={{ left: 10, right: 20 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
                <ReferenceArea x1={band.min} x2={band.max} fill="#2b8a3e" fillOpacity={0.12} />
                <XAxis type="number" domain={[0, 1]} tickFormatter={(x: number) => `${Math.round(x * 100)}%`} />
                <YAxis type="category" dataKey="name" width={150} />
                <Tooltip formatter={(x) => `${Math.round(Number(x) * 100)}%`} />
                <Bar dataKey="rate" isAnimationActive={false}>
                  {surplus.map((r) => (
                    <Cell key={r.name} fill={r.rate < band.min || r.rate > band.max ? RED : BLUE} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </Section>
          {objectives.length > 0 && (
            <Section title={st.analyze.objectives} id="chart-objectives">
              <ResponsiveContainer width="100%" height={40 + objectives.length * 24}>
                <BarChart data={objectives} layout="vertical" margin={{ left: 10, right: 20 }}>
                  <XAxis type="number" domain={[0, 1]} tickFormatter={(x: number) => `${Math.round(x * 100)}%`} />
                  <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 11 }} />
                  <Tooltip formatter={(x) => `${Math.round(Number(x) * 100)}%`} />
                  <Bar dataKey="met" isAnimationActive={false}>
                    {objectives.map((o) => (
                      <Cell key={o.name} fill={o.met === 0 || o.met === 1 ? RED : BLUE} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </Section>
          )}
          {t2 && (
            <Section title={st.analyze.trackTwo} id="chart-track-two">
              <ResponsiveContainer width="100%" height={120}>
                <BarChart
                  data={[
                    { name: st.analyze.withoutTrackTwo, rate: t2.withoutRate },
                    { name: st.analyze.withTrackTwo, rate: t2.withRate },
                  ]}
                  layout="vertical"
                  margin={{ left: 10, right: 20 }}
                >
                  <XAxis type="number" domain={[0, 1]} tickFormatter={(x: number) => `${Math.round(x * 100)}%`} />
                  <YAxis type="category" dataKey="name" width={150} />
                  <Tooltip formatter={(x) => `${Math.round(Number(x) * 100)}%`} />
                  <Bar dataKey="rate" fill={BLUE} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
              <Text size="sm" className="tabular">
                {st.analyze.trackTwoSummary({
                  without: Math.round(t2.withoutRate * 100),
                  with: Math.round(t2.withRate * 100),
                  effect: Math.round(t2.effect * 100),
                  low: Math.round(t2.ci95[0] * 100),
                  high: Math.round(t2.ci95[1] * 100),
                })}
              </Text>
            </Section>
          )}
        </>
      )}
      <Section title={st.analyze.warnings} id="analysis-warnings">
        {warnings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {st.analyze.noWarnings}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {warnings.map((w, i) => (
              <List.Item key={i} lang="en">
                {w}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </>
  );
}
