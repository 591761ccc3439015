// The class plan of a session (its class format: reading, play, debrief minutes) and the time
// budget now: how much play is left on the clock, and the debrief after it. On the console and
// the projector.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ClassPlan } from '@shared/scenario/classFormat';
import type { GameView, PublicScenario } from '@shared/engine/view';
import { t } from '../i18n';
import { useServerNow } from './useNow';

const MINUTE_MS = 60_000;

/** Minutes of play left: the current phase's time, the later phases of this round, the later rounds. */
function playLeftMinutes(view: GameView, scenario: PublicScenario, now: number): number | null {
  if (view.status !== 'running' && view.status !== 'paused') return null;
  const { phases, count } = scenario.rounds;
  const phaseMs = view.status === 'paused' ? (view.clock.remainingMs ?? 0) : Math.max(0, (view.clock.deadline ?? now) - now);
  const laterPhases = phases.slice(view.phaseIndex + 1).reduce((sum, p) => sum + p.minutes, 0);
  const roundMinutes = phases.reduce((sum, p) => sum + p.minutes, 0);
  return phaseMs / MINUTE_MS + laterPhases + (count - view.round) * roundMinutes;
}

export function sessionPlan(scenario: PublicScenario | null): ClassPlan | null {
  return scenario?.classPlans?.[0] ?? null;
}

/** Reading · play · debrief, and the whole. */
export function PlanLine({ plan, size = 'sm' }: { plan: ClassPlan; size?: 'sm' | 'lg' }) {
  return (
    <Group gap="md" wrap="wrap" data-testid="class-plan">
      <Text size={size}>
        <Text span fw={600}>{t.classPlan.reading}</Text> {t.classPlan.minutes({ m: plan.readingMinutes })}
      </Text>
      <Text size={size}>
        <Text span fw={600}>{t.classPlan.play}</Text> {t.classPlan.playPlan({ m: plan.playMinutes, rounds: plan.rounds, each: plan.roundMinutes })}
      </Text>
      <Text size={size}>
        <Text span fw={600}>{t.classPlan.debrief}</Text> {t.classPlan.minutes({ m: plan.debriefMinutes })}
      </Text>
      <Text size={size} c="dimmed">
        {t.classPlan.total({ m: plan.totalMinutes })}
      </Text>
    </Group>
  );
}

/** Where the class is in its plan now. */
export function TimeBudget({ view, scenario, plan, size = 'sm' }: { view: GameView; scenario: PublicScenario; plan: ClassPlan; size?: 'sm' | 'lg' }) {
  const now = useServerNow(5000);
  const left = playLeftMinutes(view, scenario, now);
  let text: string;
  if (view.status === 'lobby') text = t.classPlan.beforePlay({ reading: plan.readingMinutes });
  else if (left === null) text = t.classPlan.debriefNow({ debrief: plan.debriefMinutes });
  else text = t.classPlan.playLeft({ left: Math.ceil(left), play: plan.playMinutes, debrief: plan.debriefMinutes });
  return (
    <Text size={size} data-testid="time-budget">
      {text}
    </Text>
  );
}

/** The console's panel: the plan, and the budget now. */
export function ClassPlanPanel({ view, scenario }: { view: GameView; scenario: PublicScenario | null }) {
  const plan = sessionPlan(scenario);
  if (!plan || !scenario) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="class-plan-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5" id="class-plan-title">
            {t.classPlan.title}
          </Title>
          <Text size="sm" c="dimmed" data-text="scenario">
            {plan.label}
          </Text>
        </Group>
        <PlanLine plan={plan} />
        <TimeBudget view={view} scenario={scenario} plan={plan} />
      </Stack>
    </Paper>
  );
}
