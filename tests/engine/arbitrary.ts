// fast-check generators of actions for any scenario: mostly plausible moves (real ids, real
// options) mixed with wrong ones (bogus ids, wrong actors), so random games both progress and
// exercise every rejection.
import fc from 'fast-check';
import type { Action, Actor, GameState } from '@shared/engine';
import type { Scenario } from '@shared/scenario';

export interface Step {
  action: Action;
  actor: Actor;
  /** Milliseconds since the previous step. */
  dt: number;
  /** A clock action (pause, resume, extend, next phase) aimed at the phase the game is in when
   *  played; else it names no phase the game can be in (round 0), and is refused as stale. */
  current: boolean;
}

const CLOCK_ACTIONS = new Set<Action['type']>(['pauseGame', 'resumeGame', 'advancePhase', 'extendPhase']);

/** The step's action as played on `state`: a clock action names the phase `state` is in, if the
 *  step says so (see `Step.current`). */
export function actionAt(step: Step, state: GameState): Action {
  if (!step.current || !CLOCK_ACTIONS.has(step.action.type)) return step.action;
  return { ...step.action, round: state.round, phase: state.phaseIndex } as Action;
}

export function arbSteps(scenario: Scenario, maxLength = 80): fc.Arbitrary<Step[]> {
  const roles = scenario.roles.map((r) => r.id);
  const seats: Actor[] = scenario.roles.flatMap((r) => r.seats.map((s) => ({ kind: 'seat' as const, role: r.id, seat: s.id })));
  const heads: Actor[] = scenario.roles.map((r) => ({ kind: 'seat' as const, role: r.id, seat: r.seats[0].id }));
  const channels = [
    'public',
    ...roles.map((r) => `team:${r}`),
    ...roles.flatMap((a) => roles.filter((b) => a < b).map((b) => `bilateral:${a}:${b}`)),
    ...scenario.channels.networks.map((n) => `network:${n.id}`),
    'group:1',
    'group:2',
  ];
  const dealIds = fc.integer({ min: 1, max: 4 }).map((n) => `d${n}`);
  const role = fc.constantFrom(...roles);
  const parties = fc.uniqueArray(fc.constantFrom(...roles, 'nobody'), { minLength: 2, maxLength: 3 });
  const text = fc.constantFrom('Hello', 'We propose a joint flight.', 'No.', 'Let us talk.');

  const termsFor = (dealType: string): fc.Arbitrary<Record<string, string>> => {
    const type = scenario.dealTypes.find((d) => d.id === dealType);
    if (!type) return fc.constant({ issue: 'option' });
    return fc.record(Object.fromEntries(type.issues.map((i) => [i.id, fc.constantFrom(...i.options.map((o) => o.id), 'bogus')])));
  };
  const dealType = fc.constantFrom(...scenario.dealTypes.map((d) => d.id), 'bogus-type');
  const withTerms = dealType.chain((t) => fc.tuple(fc.constant(t), termsFor(t)));
  /** Parties that may take part in the type (usually), or any roles. */
  const partiesFor = (dealType: string): fc.Arbitrary<string[]> => {
    const type = scenario.dealTypes.find((d) => d.id === dealType);
    const fit = type ? scenario.roles.filter((r) => (!type.parties.roles && !type.parties.kinds) || type.parties.roles?.includes(r.id) || type.parties.kinds?.includes(r.kind)).map((r) => r.id) : [];
    if (fit.length < 2) return parties;
    return fc.oneof({ weight: 4, arbitrary: fc.uniqueArray(fc.constantFrom(...fit), { minLength: 2, maxLength: Math.min(fit.length, type!.parties.max) }) }, { weight: 1, arbitrary: parties });
  };
  const anyTerms = withTerms.map(([, terms]) => terms);

  const player: fc.Arbitrary<Action> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ type: fc.constant('chat' as const), channel: fc.constantFrom(...channels), text }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('openGroup' as const), label: fc.constant('Coalition'), members: fc.uniqueArray(role, { minLength: 1, maxLength: 4 }) }) },
    {
      weight: 4,
      arbitrary: withTerms.chain(([t, terms]) =>
        fc.tuple(partiesFor(t), fc.option(dealIds, { nil: undefined, freq: 4 })).map(([p, supersedes]) => ({
          type: 'draftDeal' as const,
          dealType: t,
          parties: p,
          terms,
          ...(supersedes ? { supersedes } : {}),
        })),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(dealIds, parties, anyTerms).map(([deal, p, terms]) => ({ type: 'editDraft' as const, deal, parties: p, terms })) },
    { weight: 3, arbitrary: dealIds.map((deal) => ({ type: 'proposeDeal' as const, deal })) },
    { weight: 2, arbitrary: fc.tuple(dealIds, anyTerms).map(([deal, terms]) => ({ type: 'counterDeal' as const, deal, terms })) },
    { weight: 4, arbitrary: dealIds.map((deal) => ({ type: 'acceptDeal' as const, deal })) },
    { weight: 1, arbitrary: dealIds.map((deal) => ({ type: 'rejectDeal' as const, deal })) },
    { weight: 1, arbitrary: dealIds.map((deal) => ({ type: 'withdrawDeal' as const, deal })) },
    { weight: 4, arbitrary: dealIds.map((deal) => ({ type: 'signDeal' as const, deal })) },
    { weight: 3, arbitrary: dealIds.map((deal) => ({ type: 'ratifyDeal' as const, deal })) },
    { weight: 1, arbitrary: dealIds.map((deal) => ({ type: 'breachDeal' as const, deal })) },
    { weight: 2, arbitrary: fc.tuple(dealIds, parties).map(([deal, p]) => ({ type: 'adoptMemorandum' as const, deal, parties: p })) },
    {
      weight: 2,
      arbitrary: fc.record({ type: fc.constant('publicStatement' as const), tone: fc.constantFrom(...scenario.statements.map((s) => s.id), 'bogus'), text }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('unilateralAction' as const), action: fc.constantFrom(...scenario.actions.map((a) => a.id), 'bogus') }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('ready' as const), ready: fc.boolean() }) },
  );
  const seatRef = fc.constantFrom(...seats).map((s) => ({ role: (s as { role: string }).role, seat: (s as { seat: string }).seat }));
  const facilitatorAction: fc.Arbitrary<Action> = fc.oneof(
    { weight: 12, arbitrary: fc.constant({ type: 'advancePhase' as const, round: 0, phase: 0 }) },
    { weight: 1, arbitrary: fc.constant({ type: 'pauseGame' as const, round: 0, phase: 0 }) },
    { weight: 5, arbitrary: fc.constant({ type: 'resumeGame' as const, round: 0, phase: 0 }) },
    { weight: 1, arbitrary: fc.constant({ type: 'startGame' as const }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('extendPhase' as const), minutes: fc.constantFrom(0.5, 1, 5), round: fc.constant(0), phase: fc.constant(0) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('injectEvent' as const), event: fc.constantFrom(...scenario.events.map((e) => e.id), 'bogus') }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('injectNews' as const), headline: text, text }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('whisper' as const), role, text }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('assignSeat' as const),
        seat: seatRef,
        occupant: fc.constantFrom(null, { kind: 'bot' as const, personality: 'cooperative' as const }, { kind: 'human' as const, name: 'Sam' }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'revealAll' as const }) },
  );
  // Ending the game is rare: most random games should run their course.
  const facilitatorOrEnd: fc.Arbitrary<Action> = fc.oneof(
    { weight: 40, arbitrary: facilitatorAction },
    { weight: 1, arbitrary: fc.constant({ type: 'endGame' as const }) },
  );
  const systemAction: fc.Arbitrary<Action> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('deadlineReached' as const),
        round: fc.integer({ min: 0, max: scenario.rounds.count }),
        phase: fc.integer({ min: 0, max: scenario.rounds.phases.length - 1 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('takeSeat' as const), seat: seatRef, name: fc.constant('Kim') }) },
    { weight: 1, arbitrary: fc.constant({ type: 'pauseForRecovery' as const }) },
  );

  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 14, arbitrary: fc.tuple(player, fc.constantFrom(...heads)) },
    { weight: 3, arbitrary: fc.tuple(player, fc.constantFrom(...seats)) },
    { weight: 3, arbitrary: fc.tuple(facilitatorOrEnd, fc.constant<Actor>({ kind: 'facilitator' })) },
    { weight: 2, arbitrary: fc.tuple(systemAction, fc.constant<Actor>({ kind: 'system' })) },
    // The wrong actor for the action.
    { weight: 1, arbitrary: fc.tuple(fc.oneof(player, facilitatorAction, systemAction), fc.constantFrom<Actor>(heads[0], { kind: 'facilitator' }, { kind: 'system' })) },
  ).chain(([action, actor]) =>
    fc.tuple(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 9 })).map(([dt, aim]) => ({ action, actor, dt, current: aim > 0 })),
  );

  return fc.array(step, { minLength: Math.min(30, maxLength), maxLength, size: 'max' });
}
