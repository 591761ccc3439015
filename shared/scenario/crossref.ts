// Cross-reference checks of a scenario that passed the schema: every id it names exists, ids are
// unique, point tables are complete, seats can do what their role must, placeholders mean
// something where they are used. Each finding points at the offending place in the document.
import { classFormatFindings } from './classFormat';
import type { Finding, PathKey } from './problems';
import { pathToString } from './problems';
import type { Condition, DealType, Effect, Role, Scenario } from './schema';

/** Whether `role` may be named a party of a deal of this type (`parties.roles` and/or `parties.kinds`). */
function mayBeParty(role: Pick<Role, 'id' | 'kind'>, dealType: Pick<DealType, 'parties'>): boolean {
  const { roles, kinds } = dealType.parties;
  if (!roles && !kinds) return true;
  return (roles?.includes(role.id) ?? false) || (kinds?.includes(role.kind) ?? false);
}

/** Which role placeholders mean something where a condition or effect is written. */
interface Placeholders {
  /** `@self`: the role being scored (objectives) or ratifying (ratifyWhen). */
  self?: boolean;
  /** `@actor`: the role taking the action, completing or breaching the deal, making the statement. */
  actor?: boolean;
  /** `@parties`: the parties of the deal whose effect this is. */
  parties?: boolean;
}

const PLACEHOLDER_RULES: Record<string, { allowed: keyof Placeholders; meaning: string }> = {
  '@self': { allowed: 'self', meaning: 'the role being scored; it is only allowed in objectives, shared objectives and ratifyWhen' },
  '@actor': { allowed: 'actor', meaning: 'the role taking the action; it is only allowed in deal effects, statements and unilateral actions' },
  '@parties': { allowed: 'parties', meaning: "a deal's parties; it is only allowed in a deal type's effects (onForce, eachRound, onBreach, onWithdraw, hostileCost, an option's onForce)" },
};

type Path = PathKey[];

export function crossCheck(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  const report = (path: Path, message: string, atKey = false) => findings.push(atKey ? { path, message, atKey } : { path, message });

  const ids = {
    role: scenario.roles.map((r) => r.id),
    track: scenario.tracks.map((t) => t.id),
    resource: scenario.resources.map((r) => r.id),
    'deal type': scenario.dealTypes.map((d) => d.id),
    event: scenario.events.map((e) => e.id),
    constraint: scenario.constraints.map((c) => c.id),
    phase: scenario.rounds.phases.map((p) => p.id),
    network: scenario.channels.networks.map((n) => n.id),
  };
  type Kind = keyof typeof ids;
  const dealTypes = new Map(scenario.dealTypes.map((d) => [d.id, d]));

  /** Reports an id that names nothing; returns whether it is known. */
  const known = (kind: string, id: string, knownIds: readonly string[], path: Path, atKey = false, of = ''): boolean => {
    if (knownIds.includes(id)) return true;
    const list = knownIds.length ? `known ${kind}s: ${[...new Set(knownIds)].join(', ')}` : `this scenario defines no ${kind}s`;
    report(path, `unknown ${kind} "${id}"${of} (${list})`, atKey);
    return false;
  };
  const ref = (kind: Kind, id: string, path: Path, atKey = false) => known(kind, id, ids[kind], path, atKey);

  const unique = (kind: string, items: readonly { id: string }[], base: Path) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, i);
      else report([...base, i, 'id'], `duplicate ${kind} id "${item.id}" (already used at ${pathToString([...base, earlier])})`);
    });
  };

  const roleRef = (value: string, path: Path, allowed: Placeholders) => {
    const rule = PLACEHOLDER_RULES[value];
    if (rule) {
      if (!allowed[rule.allowed]) report(path, `"${value}" means ${rule.meaning}`);
    } else if (value !== '@all') {
      ref('role', value, path);
    }
  };

  const bounded = (what: string, bounds: { atLeast?: number; atMost?: number }, path: Path) => {
    if (bounds.atLeast === undefined && bounds.atMost === undefined) report(path, `a ${what} condition needs atLeast or atMost`);
  };

  const condition = (c: Condition, path: Path, allowed: Placeholders): void => {
    if ('all' in c) c.all.forEach((sub, i) => condition(sub, [...path, 'all', i], allowed));
    else if ('any' in c) c.any.forEach((sub, i) => condition(sub, [...path, 'any', i], allowed));
    else if ('not' in c) condition(c.not, [...path, 'not'], allowed);
    else if ('track' in c) {
      ref('track', c.track, [...path, 'track']);
      bounded('track', c, path);
    } else if ('trust' in c) {
      roleRef(c.trust.from, [...path, 'trust', 'from'], allowed);
      roleRef(c.trust.to, [...path, 'trust', 'to'], allowed);
      bounded('trust', c, path);
    } else if ('resource' in c) {
      ref('resource', c.resource, [...path, 'resource']);
      roleRef(c.role, [...path, 'role'], allowed);
      bounded('resource', c, path);
    } else if ('round' in c) {
      bounded('round', c.round, [...path, 'round']);
    } else if ('deal' in c) {
      const dealType = dealTypes.get(c.deal);
      ref('deal type', c.deal, [...path, 'deal']);
      c.parties?.forEach((party, i) => roleRef(party, [...path, 'parties', i], allowed));
      if (dealType && c.terms) terms(dealType, c.terms, [...path, 'terms']);
    } else if ('event' in c) ref('event', c.event, [...path, 'event']);
    else if ('constraint' in c) ref('constraint', c.constraint, [...path, 'constraint']);
  };

  const terms = (dealType: DealType, chosen: Record<string, string>, path: Path) => {
    for (const [issueId, optionId] of Object.entries(chosen)) {
      const issue = dealType.issues.find((i) => i.id === issueId);
      const issueIds = dealType.issues.map((i) => i.id);
      if (!known('issue', issueId, issueIds, [...path, issueId], true, ` of deal type "${dealType.id}"`) || !issue) continue;
      known('option', optionId, issue.options.map((o) => o.id), [...path, issueId], false, ` of issue "${issueId}"`);
    }
  };

  const effects = (list: readonly Effect[], path: Path, allowed: Placeholders) =>
    list.forEach((e, i) => {
      const at = [...path, i];
      switch (e.effect) {
        case 'track':
          ref('track', e.track, [...at, 'track']);
          if ((e.add === undefined) === (e.set === undefined)) report(at, 'a track effect needs exactly one of add or set');
          break;
        case 'trust':
          roleRef(e.from, [...at, 'from'], allowed);
          roleRef(e.to, [...at, 'to'], allowed);
          break;
        case 'resource':
          roleRef(e.role, [...at, 'role'], allowed);
          ref('resource', e.resource, [...at, 'resource']);
          break;
        case 'constraint':
          ref('constraint', e.constraint, [...at, 'constraint']);
          break;
        case 'unlockDealType':
          if (ref('deal type', e.dealType, [...at, 'dealType']) && !dealTypes.get(e.dealType)?.locked) {
            report([...at, 'dealType'], `deal type "${e.dealType}" is not locked, so unlocking it does nothing (add locked: true to it)`);
          }
          break;
        case 'news':
          break;
      }
    });

  const within = (what: string, value: number, min: number, max: number, path: Path) => {
    if (value < min || value > max) report(path, `${what} is ${value}, outside the range ${min}..${max}`);
  };
  const ordered = (what: string, min: number, max: number, path: Path) => {
    if (min > max) report(path, `${what} has min ${min} above max ${max}`);
  };

  // --- players and seats -----------------------------------------------------------------------
  const seats = scenario.roles.reduce((n, role) => n + role.seats.length, 0);
  if (scenario.players.min > scenario.players.max) {
    report(['players', 'min'], `players.min (${scenario.players.min}) is more than players.max (${scenario.players.max})`);
  }
  if (scenario.players.max > seats) {
    report(['players', 'max'], `players.max is ${scenario.players.max} but the roles have only ${plural(seats, 'seat')} in all`);
  }

  // --- tracks, resources, trust --------------------------------------------------------------
  unique('track', scenario.tracks, ['tracks']);
  scenario.tracks.forEach((track, i) => {
    ordered(`track "${track.id}"`, track.min, track.max, ['tracks', i]);
    within(`start of track "${track.id}"`, track.start, track.min, track.max, ['tracks', i, 'start']);
    track.thresholds.forEach((t, j) => within(`threshold of track "${track.id}"`, t.at, track.min, track.max, ['tracks', i, 'thresholds', j, 'at']));
  });
  unique('resource', scenario.resources, ['resources']);
  scenario.resources.forEach((r, i) => ordered(`resource "${r.id}"`, r.min, r.max, ['resources', i]));

  const { trust } = scenario;
  ordered('trust', trust.min, trust.max, ['trust']);
  within('default trust', trust.default, trust.min, trust.max, ['trust', 'default']);
  trust.initial.forEach((pair, i) => {
    const at: Path = ['trust', 'initial', i];
    const directed = pair.from !== undefined || pair.to !== undefined;
    if (pair.between ? directed : pair.from === undefined || pair.to === undefined) {
      report(at, 'a trust pair needs either between: [a, b] or both from and to');
    }
    pair.between?.forEach((role, j) => ref('role', role, [...at, 'between', j]));
    if (pair.from !== undefined) ref('role', pair.from, [...at, 'from']);
    if (pair.to !== undefined) ref('role', pair.to, [...at, 'to']);
    within('trust value', pair.value, trust.min, trust.max, [...at, 'value']);
  });

  // --- roles -----------------------------------------------------------------------------------
  unique('role', scenario.roles, ['roles']);
  const resourceDefs = new Map(scenario.resources.map((r) => [r.id, r]));
  scenario.roles.forEach((role, r) => {
    const at: Path = ['roles', r];
    unique('seat', role.seats, [...at, 'seats']);
    const powers = new Set(role.seats.flatMap((s) => s.powers));
    for (const [power, why] of [['propose', 'to propose and accept deals'], ['sign', 'to sign deals']] as const) {
      if (!powers.has(power)) report([...at, 'seats'], `role "${role.id}" has no seat with the "${power}" power (every role needs one ${why})`);
    }
    if (role.kind === 'government' && !powers.has('ratify')) {
      const needsRatify = scenario.dealTypes.find((d) => d.ratification && mayBeParty(role, d));
      if (needsRatify) {
        report([...at, 'seats'], `government role "${role.id}" may be party to deal type "${needsRatify.id}", which needs ratification, but none of its seats has the "ratify" power`);
      }
    }

    for (const [resource, value] of Object.entries(role.resources)) {
      const def = resourceDefs.get(resource);
      if (ref('resource', resource, [...at, 'resources', resource], true) && def) {
        within(`starting amount of resource "${resource}"`, value, def.min, def.max, [...at, 'resources', resource]);
      }
    }
    if (role.ratifyWhen) condition(role.ratifyWhen, [...at, 'ratifyWhen'], { self: true });
    unique('objective', role.objectives, [...at, 'objectives']);
    role.objectives.forEach((o, i) => condition(o.when, [...at, 'objectives', i, 'when'], { self: true }));

    for (const [dealTypeId, table] of Object.entries(role.pointTables)) {
      const dealType = dealTypes.get(dealTypeId);
      const tableAt: Path = [...at, 'pointTables', dealTypeId];
      if (!ref('deal type', dealTypeId, tableAt, true) || !dealType) continue;
      const whose = `point table of role "${role.id}" for deal type "${dealTypeId}"`;
      const issueIds = dealType.issues.map((i) => i.id);
      for (const issue of dealType.issues) {
        const points = table.issues[issue.id];
        if (!points) {
          report([...tableAt, 'issues'], `${whose} has no points for issue "${issue.id}"`);
          continue;
        }
        const optionIds = issue.options.map((o) => o.id);
        for (const option of optionIds) {
          if (!(option in points)) report([...tableAt, 'issues', issue.id], `${whose} has no points for option "${option}" of issue "${issue.id}"`);
        }
        for (const option of Object.keys(points)) {
          if (!optionIds.includes(option)) {
            report([...tableAt, 'issues', issue.id, option], `${whose} names unknown option "${option}" of issue "${issue.id}" (known options: ${optionIds.join(', ')})`, true);
          }
        }
      }
      for (const issueId of Object.keys(table.issues)) {
        if (!issueIds.includes(issueId)) {
          report([...tableAt, 'issues', issueId], `${whose} names unknown issue "${issueId}" (known issues: ${issueIds.join(', ')})`, true);
        }
      }
      // A walk-away above every deal's worth means the role can never rationally sign one.
      const best = dealType.issues.reduce((sum, issue) => sum + Math.max(...Object.values(table.issues[issue.id] ?? { none: 0 })), 0);
      if (table.walkAway > best) {
        report([...tableAt, 'walkAway'], `${whose}: the walk-away ${table.walkAway} is above the best total the role can reach (${best}, its best option of every issue), so no deal of this type is ever worth signing for it`);
      }
    }
    for (const dealType of scenario.dealTypes) {
      if (dealType.track === 1 && mayBeParty(role, dealType) && !(dealType.id in role.pointTables)) {
        report([...at, 'pointTables'], `role "${role.id}" may be party to deal type "${dealType.id}" but has no point table for it`);
      }
    }
  });

  // --- channels and constraints --------------------------------------------------------------
  const { networks } = scenario.channels;
  unique('network', networks, ['channels', 'networks']);
  networks.forEach((network, i) => {
    if (network.id === 'public') report(['channels', 'networks', i, 'id'], 'a network cannot be called "public": that is the public channel');
    network.members.forEach((member, j) => ref('role', member, ['channels', 'networks', i, 'members', j]));
  });

  unique('constraint', scenario.constraints, ['constraints']);
  scenario.constraints.forEach((constraint, c) => {
    const at: Path = ['constraints', c];
    if (constraint.activeWhen) condition(constraint.activeWhen, [...at, 'activeWhen'], {});
    constraint.closesChannels.forEach((target, i) => {
      if ('channel' in target) known('channel', target.channel, ['public', ...ids.network], [...at, 'closesChannels', i, 'channel']);
      else target.between.forEach((role, j) => ref('role', role, [...at, 'closesChannels', i, 'between', j]));
    });
    constraint.bansDeals.forEach((ban, i) => {
      const [key, pair] = 'bilateral' in ban ? ['bilateral', ban.bilateral] : ['together', ban.together];
      pair.forEach((role, j) => ref('role', role, [...at, 'bansDeals', i, key, j]));
      ban.dealTypes?.forEach((d, j) => ref('deal type', d, [...at, 'bansDeals', i, 'dealTypes', j]));
    });
  });

  // --- deal types ----------------------------------------------------------------------------
  unique('deal type', scenario.dealTypes, ['dealTypes']);
  scenario.dealTypes.forEach((dealType, d) => {
    const at: Path = ['dealTypes', d];
    unique('issue', dealType.issues, [...at, 'issues']);
    dealType.issues.forEach((issue, i) => unique('option', issue.options, [...at, 'issues', i, 'options']));

    const { parties } = dealType;
    if (parties.min > parties.max) report([...at, 'parties', 'min'], `parties.min (${parties.min}) is more than parties.max (${parties.max})`);
    parties.roles?.forEach((role, i) => ref('role', role, [...at, 'parties', 'roles', i]));
    const eligible = scenario.roles.filter((role) => mayBeParty(role, dealType)).length;
    if (eligible < parties.min) {
      report([...at, 'parties'], `deal type "${dealType.id}" needs at least ${parties.min} parties but only ${plural(eligible, 'role')} may be party to it`);
    }

    if (dealType.track === 2 && dealType.ratification) {
      report([...at, 'ratification'], 'a track II memorandum is never ratified: remove ratification or make it track 1');
    }
    if (dealType.adoptAs !== undefined) adoptAs(dealType, [...at, 'adoptAs']);

    const dealEffects: Placeholders = { actor: true, parties: true };
    effects(dealType.onForce, [...at, 'onForce'], dealEffects);
    effects(dealType.eachRound, [...at, 'eachRound'], dealEffects);
    effects(dealType.onBreach, [...at, 'onBreach'], dealEffects);
    effects(dealType.onWithdraw, [...at, 'onWithdraw'], dealEffects);
    if (dealType.hostileCost) {
      condition(dealType.hostileCost.when, [...at, 'hostileCost', 'when'], dealEffects);
      effects(dealType.hostileCost.effects, [...at, 'hostileCost', 'effects'], dealEffects);
    }
    dealType.issues.forEach((issue, i) =>
      issue.options.forEach((option, o) => effects(option.onForce, [...at, 'issues', i, 'options', o, 'onForce'], dealEffects)),
    );
  });

  function adoptAs(memo: DealType, path: Path) {
    if (memo.track === 1) {
      report(path, `adoptAs is only for track II memoranda, and deal type "${memo.id}" is track 1`);
      return;
    }
    const target = dealTypes.get(memo.adoptAs!);
    if (!ref('deal type', memo.adoptAs!, path) || !target) return;
    if (target.track !== 1) {
      report(path, `adoptAs must name a track I deal type, and "${target.id}" is track 2`);
      return;
    }
    // The memorandum may leave issues open (the adopting government fills them in), never add one.
    const extra = memo.issues.filter((i) => !target.issues.some((t) => t.id === i.id)).map((i) => i.id);
    if (extra.length > 0) {
      report(path, `memorandum "${memo.id}" cannot be adopted as "${target.id}": ${target.id} has no issue ${extra.map((id) => `"${id}"`).join(', ')}`);
      return;
    }
    for (const issue of memo.issues) {
      const optionsOf = (i: DealType['issues'][number]) => i.options.map((o) => o.id).sort().join(', ');
      const other = target.issues.find((i) => i.id === issue.id)!;
      if (optionsOf(issue) !== optionsOf(other)) {
        report(path, `memorandum "${memo.id}" cannot be adopted as "${target.id}": the options of issue "${issue.id}" differ (${optionsOf(issue)} / ${optionsOf(other)})`);
      }
    }
  }

  // --- statements and unilateral actions -----------------------------------------------------
  unique('statement', scenario.statements, ['statements']);
  scenario.statements.forEach((tone, i) => effects(tone.effects, ['statements', i, 'effects'], { actor: true }));

  unique('action', scenario.actions, ['actions']);
  scenario.actions.forEach((action, a) => {
    const at: Path = ['actions', a];
    action.roles?.forEach((role, i) => ref('role', role, [...at, 'roles', i]));
    for (const resource of Object.keys(action.cost)) ref('resource', resource, [...at, 'cost', resource], true);
    if (action.requires) condition(action.requires, [...at, 'requires'], { actor: true });
    effects(action.effects, [...at, 'effects'], { actor: true });
  });

  // --- rounds, events, deck ------------------------------------------------------------------
  const { rounds } = scenario;
  unique('phase', rounds.phases, ['rounds', 'phases']);
  rounds.eachRound.forEach((drift, i) => {
    if (drift.when) condition(drift.when, ['rounds', 'eachRound', i, 'when'], {});
    effects(drift.effects, ['rounds', 'eachRound', i, 'effects'], {});
  });
  if (rounds.labels && rounds.labels.length !== rounds.count) {
    report(['rounds', 'labels'], `rounds.labels has ${plural(rounds.labels.length, 'label')} but rounds.count is ${rounds.count} (one label per round)`);
  }

  unique('event', scenario.events, ['events']);
  scenario.events.forEach((event, e) => {
    const at: Path = ['events', e];
    if (event.at) {
      if (event.at.round > rounds.count) report([...at, 'at', 'round'], `round ${event.at.round} is after the last round (rounds.count is ${rounds.count})`);
      ref('phase', event.at.phase, [...at, 'at', 'phase']);
    }
    if (event.when) condition(event.when, [...at, 'when'], {});
    if (event.rounds) {
      const { from = 1, to = rounds.count } = event.rounds;
      if (event.at) report([...at, 'rounds'], 'a scheduled event (at) has no round window: the window is for deck cards and conditional events');
      else if (event.deck === undefined && !event.when) report([...at, 'rounds'], 'a round window needs a deck card (deck) or a conditional event (when)');
      if (from > rounds.count) report([...at, 'rounds', 'from'], `round ${from} is after the last round (rounds.count is ${rounds.count})`);
      else if (from > to) report([...at, 'rounds'], `the round window starts (from ${from}) after it ends (to ${to})`);
    }
    effects(event.effects, [...at, 'effects'], {});
  });
  findings.push(...classFormatFindings(scenario));
  if (scenario.deck) {
    ref('phase', scenario.deck.phase, ['deck', 'phase']);
    if (!scenario.events.some((e) => e.deck !== undefined)) report(['deck'], 'there is a deck but no event has a deck weight (add deck: <weight> to some events)');
  }

  // --- scoring -------------------------------------------------------------------------------
  const { scoring } = scenario;
  scoring.resources.forEach((term, i) => {
    ref('resource', term.resource, ['scoring', 'resources', i, 'resource']);
    term.roles?.forEach((role, j) => ref('role', role, ['scoring', 'resources', i, 'roles', j]));
  });
  unique('shared objective', scoring.sharedObjectives, ['scoring', 'sharedObjectives']);
  scoring.sharedObjectives.forEach((o, i) => condition(o.when, ['scoring', 'sharedObjectives', i, 'when'], { self: true }));
  if (scoring.collapse) condition(scoring.collapse.when, ['scoring', 'collapse', 'when'], {});

  return findings;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
