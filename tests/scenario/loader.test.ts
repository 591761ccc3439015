// The loader as an instructor meets it: each test breaks a valid scenario one way and checks the
// exact `file:line:column: message (path)` lines that `spacebridge validate` would print.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, starterScenario } from '@shared/scenario';

const base = fs.readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8');

/** The problems of the base scenario after replacing each `from` (which must occur once) by `to`. */
function problemsAfter(edits: [from: string, to: string][]): string[] {
  let text = base;
  for (const [from, to] of edits) {
    expect(text.split(from), `"${from}" should occur once in the base scenario`).toHaveLength(2);
    text = text.replace(from, to);
  }
  const result = loadScenario(text, 'broken.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('valid scenarios', () => {
  it('loads the base scenario with every default filled in', () => {
    const result = loadScenario(base, 'base.yaml');
    expect(result.ok && result.scenario.trust).toEqual({ min: 0, max: 100, default: 50, initial: [], breachLoss: 20, withdrawLoss: 5 });
  });

  it('loads the starter scenario of `spacebridge new`', () => {
    const result = loadScenario(starterScenario('my-scenario'), 'my-scenario.yaml');
    expect(result.ok ? result.scenario.id : result.problems.map(formatProblem)).toBe('my-scenario');
  });

  it('refuses a starter scenario id that is not an id', () => {
    expect(() => starterScenario('My Scenario')).toThrow();
  });
});

describe('files that are not scenarios', () => {
  it('an empty file', () => {
    expect(loadScenario('', 'empty.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'empty.yaml', line: 1, column: 1, path: '', message: 'expected a map, found nothing' }],
      warnings: [],
    });
  });

  it('a list instead of a map', () => {
    const result = loadScenario('- a\n- b\n', 'list.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['list.yaml:1:1: expected a map, found a list']);
  });

  it('several YAML documents in one file', () => {
    const result = loadScenario('a: 1\n---\nb: 2\n', 'two.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'two.yaml:2:1: invalid YAML: a scenario file holds one YAML document; remove the "---" line',
    ]);
  });
});

describe('YAML syntax errors', () => {
  it("reports an unclosed flow sequence", () => {
    expect(
      problemsAfter([["title: Base","title: [Base"]]),
    ).toEqual([
      "broken.yaml:5:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"
    ]);
  });
  it("reports a duplicate key", () => {
    expect(
      problemsAfter([["era: 1970s","era: 1970s\nera: 1980s"]]),
    ).toEqual([
      "broken.yaml:7:1: invalid YAML: duplicate key \"era\": this map already has it (keep one)"
    ]);
  });
});

describe('schema errors say what was expected and what was found', () => {
  it("a text where a number belongs", () => {
    expect(
      problemsAfter([["durationMinutes: 30","durationMinutes: ten"]]),
    ).toEqual([
      "broken.yaml:8:18: expected a number, found \"ten\" (durationMinutes)"
    ]);
  });
  it("a misspelt enum value, with a suggestion", () => {
    expect(
      problemsAfter([["kind: agency","kind: goverment"]]),
    ).toEqual([
      "broken.yaml:40:11: expected one of government, agency, science, industry, press, found \"goverment\"; did you mean \"government\"? (roles[1].kind)"
    ]);
  });
  it("a missing key, at the map that should hold it", () => {
    expect(
      problemsAfter([["    confidentialBrief: Secret.\n    seats:\n      - { id: head, title: Administrator","    seats:\n      - { id: head, title: Administrator"]]),
    ).toEqual([
      "broken.yaml:38:5: missing key \"confidentialBrief\": expected a text (roles[1].confidentialBrief)"
    ]);
  });
  it("an empty value", () => {
    expect(
      problemsAfter([["title: Base","title:"]]),
    ).toEqual([
      "broken.yaml:4:7: expected a text, found nothing (title)"
    ]);
  });
  it("an id in the wrong format", () => {
    expect(
      problemsAfter([["  - id: scandal","  - id: Scandal"]]),
    ).toEqual([
      "broken.yaml:123:9: expected an id: lowercase letters, digits and dashes, starting with a letter, found \"Scandal\" (events[1].id)"
    ]);
  });
  it("an empty list where one item is needed", () => {
    expect(
      problemsAfter([["learningObjectives: [Track II prepares track I.]","learningObjectives: []"]]),
    ).toEqual([
      "broken.yaml:9:21: expected at least 1 item, found 0 items (learningObjectives)"
    ]);
  });
  it("a pair with one item", () => {
    expect(
      problemsAfter([["- { between: [us-gov, nasa] }","- { between: [us-gov] }"]]),
    ).toEqual([
      "broken.yaml:62:20: expected exactly 2 items, found 1 item (constraints[0].closesChannels[0].between)"
    ]);
  });
  it("a record key that is not an id", () => {
    expect(
      problemsAfter([["resources: { budget: 50 }","resources: { Budget: 50 }"]]),
    ).toEqual([
      "broken.yaml:25:18: invalid key \"Budget\": expected an id: lowercase letters, digits and dashes, starting with a letter (roles[0].resources.Budget)"
    ]);
  });
  it("a fraction where whole points belong", () => {
    expect(
      problemsAfter([["points: 5","points: 2.5"]]),
    ).toEqual([
      "broken.yaml:30:17: expected a whole number, found 2.5 (roles[0].objectives[0].points)"
    ]);
  });
  it("zero minutes", () => {
    expect(
      problemsAfter([["minutes: 10","minutes: 0"]]),
    ).toEqual([
      "broken.yaml:115:43: expected a number more than 0, found 0 (rounds.phases[0].minutes)"
    ]);
  });
  it("a wrong schemaVersion", () => {
    expect(
      problemsAfter([["schemaVersion: 2","schemaVersion: 3"]]),
    ).toEqual([
      "broken.yaml:2:16: expected 2, found 3 (schemaVersion)"
    ]);
  });
  it("a track that is neither 1 nor 2", () => {
    expect(
      problemsAfter([["    track: 2\n","    track: 3\n"]]),
    ).toEqual([
      "broken.yaml:86:12: expected one of 1, 2, found 3 (dealTypes[1].track)"
    ]);
  });
  it("every problem of a file, in file order", () => {
    expect(
      problemsAfter([["durationMinutes: 30","durationMinutes: ten"],["kind: agency","kind: goverment"],["era: 1970s","era: 1970s\nflavour: sweet"]]),
    ).toEqual([
      "broken.yaml:7:1: unknown key \"flavour\" (allowed keys: schemaVersion, id, title, summary, era, players, durationMinutes, learningObjectives, sources, discussionPrompts, tracks, resources, trust, trackTwo, roles, channels, constraints, dealTypes, statements, actions, rounds, classFormats, events, deck, scoring, sourceLanguage, translations) (flavour)",
      "broken.yaml:9:18: expected a number, found \"ten\" (durationMinutes)",
      "broken.yaml:41:11: expected one of government, agency, science, industry, press, found \"goverment\"; did you mean \"government\"? (roles[1].kind)"
    ]);
  });
});

describe('unknown keys are reported at the key', () => {
  it("a misspelt key suggests the known one (and is not also reported missing)", () => {
    expect(
      problemsAfter([["    confidentialBrief: Secret.\n    seats:\n      - { id: head, title: Administrator","    confidentalBrief: Secret.\n    seats:\n      - { id: head, title: Administrator"]]),
    ).toEqual([
      "broken.yaml:43:5: unknown key \"confidentalBrief\"; did you mean \"confidentialBrief\"? (roles[1].confidentalBrief)"
    ]);
  });
  it("an unknown key with no close match lists the allowed keys", () => {
    expect(
      problemsAfter([["era: 1970s","era: 1970s\nflavour: sweet"]]),
    ).toEqual([
      "broken.yaml:7:1: unknown key \"flavour\" (allowed keys: schemaVersion, id, title, summary, era, players, durationMinutes, learningObjectives, sources, discussionPrompts, tracks, resources, trust, trackTwo, roles, channels, constraints, dealTypes, statements, actions, rounds, classFormats, events, deck, scoring, sourceLanguage, translations) (flavour)"
    ]);
  });
  it("a misspelt key inside a condition", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { track: tension, atmost: 4 }"]]),
    ).toEqual([
      "broken.yaml:31:33: unknown key \"atmost\"; did you mean \"atMost\"? (roles[0].objectives[0].when.atmost)"
    ]);
  });
  it("a misspelt key inside an effect", () => {
    expect(
      problemsAfter([["{ effect: news, headline: Spy caught }","{ effect: news, headline: Spy caught, txt: x }"]]),
    ).toEqual([
      "broken.yaml:128:47: unknown key \"txt\"; did you mean \"text\"? (events[1].effects[0].txt)"
    ]);
  });
});

describe('unions report the alternative the author meant', () => {
  it("a condition with a bad bound reports only the track alternative", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { track: tension, atMost: four }"]]),
    ).toEqual([
      "broken.yaml:31:41: expected a number, found \"four\" (roles[0].objectives[0].when.atMost)"
    ]);
  });
  it("a condition with a misspelt leading key", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { trakc: tension, atMost: 4 }"]]),
    ).toEqual([
      "broken.yaml:31:17: unknown key \"trakc\" in a condition; did you mean \"track\"? (roles[0].objectives[0].when.trakc)"
    ]);
  });
  it("a condition with no known key lists the condition keys", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { foo: tension }"]]),
    ).toEqual([
      "broken.yaml:31:15: expected a condition (a map with one of the keys all, any, not, track, trust, resource, round, deal, event, constraint), found a map with the keys foo (roles[0].objectives[0].when)"
    ]);
  });
  it("nested conditions report each bad leaf", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { all: [{ round: { atLeast: x } }, { event: Bad } ] }"]]),
    ).toEqual([
      "broken.yaml:31:43: expected a number, found \"x\" (roles[0].objectives[0].when.all[0].round.atLeast)",
      "broken.yaml:31:59: expected an id: lowercase letters, digits and dashes, starting with a letter, found \"Bad\" (roles[0].objectives[0].when.all[1].event)"
    ]);
  });
  it("a condition that is not a map", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: 5"]]),
    ).toEqual([
      "broken.yaml:31:15: expected a condition, found 5 (roles[0].objectives[0].when)"
    ]);
  });
  it("an unknown effect kind", () => {
    expect(
      problemsAfter([["{ effect: track, track: tension, add: -1 }\nactions","{ effect: trck, track: tension, add: -1 }\nactions"]]),
    ).toEqual([
      "broken.yaml:104:19: expected one of track, trust, resource, constraint, unlockDealType, news, found \"trck\"; did you mean \"track\"? (statements[0].effects[0].effect)"
    ]);
  });
  it("an effect without its kind", () => {
    expect(
      problemsAfter([["{ effect: news, headline: Spy caught }","{ headline: Spy caught }"]]),
    ).toEqual([
      "broken.yaml:128:9: missing key \"effect\": expected one of track, trust, resource, constraint, unlockDealType, news (events[1].effects[0].effect)"
    ]);
  });
  it("a channel target with a misspelt key", () => {
    expect(
      problemsAfter([["- { between: [us-gov, nasa] }","- { chanel: public }"]]),
    ).toEqual([
      "broken.yaml:62:11: unknown key \"chanel\"; did you mean \"channel\"? (constraints[0].closesChannels[0].chanel)"
    ]);
  });
});

describe('cross references', () => {
  it("a duplicate role id", () => {
    expect(
      problemsAfter([["  - id: nasa\n","  - id: us-gov\n"]]),
    ).toEqual([
      "broken.yaml:38:9: duplicate role id \"us-gov\" (already used at roles[0]) (roles[1].id)",
      "broken.yaml:55:62: unknown role \"nasa\" (known roles: us-gov) (channels.networks[0].members[1])",
      "broken.yaml:62:29: unknown role \"nasa\" (known roles: us-gov) (constraints[0].closesChannels[0].between[1])"
    ]);
  });
  it("a duplicate seat id within a role", () => {
    expect(
      problemsAfter([["{ id: deputy,","{ id: head,"]]),
    ).toEqual([
      "broken.yaml:46:15: duplicate seat id \"head\" (already used at roles[1].seats[0]) (roles[1].seats[1].id)"
    ]);
  });
  it("a duplicate option id within an issue", () => {
    expect(
      problemsAfter([["          - { id: probe, label: Probe }\n      - id: crew\n        label: Crew\n        options:\n          - { id: mixed, label: Mixed }\n          - { id: national, label: National }\n    onForce","          - { id: adapter, label: Probe }\n      - id: crew\n        label: Crew\n        options:\n          - { id: mixed, label: Mixed }\n          - { id: national, label: National }\n    onForce"]]),
    ).toEqual([
      "broken.yaml:36:34: point table of role \"us-gov\" for deal type \"astp\" names unknown option \"probe\" of issue \"docking\" (known options: adapter, adapter) (roles[0].pointTables.astp.issues.docking.probe)",
      "broken.yaml:51:34: point table of role \"nasa\" for deal type \"astp\" names unknown option \"probe\" of issue \"docking\" (known options: adapter, adapter) (roles[1].pointTables.astp.issues.docking.probe)",
      "broken.yaml:75:19: duplicate option id \"adapter\" (already used at dealTypes[0].issues[0].options[0]) (dealTypes[0].issues[0].options[1].id)",
      "broken.yaml:88:14: memorandum \"memo\" cannot be adopted as \"astp\": the options of issue \"docking\" differ (adapter, probe / adapter, adapter) (dealTypes[1].adoptAs)"
    ]);
  });
  it("an unknown role in a network's members", () => {
    expect(
      problemsAfter([["members: [us-gov, nasa]","members: [us-gov, nasaa]"]]),
    ).toEqual([
      "broken.yaml:55:62: unknown role \"nasaa\" (known roles: us-gov, nasa) (channels.networks[0].members[1])"
    ]);
  });
  it("an unknown track in a condition", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { track: tensoin, atMost: 4 }"]]),
    ).toEqual([
      "broken.yaml:31:24: unknown track \"tensoin\" (known tracks: tension) (roles[0].objectives[0].when.track)"
    ]);
  });
  it("a comparison without atLeast or atMost", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { track: tension }"]]),
    ).toEqual([
      "broken.yaml:31:15: a track condition needs atLeast or atMost (roles[0].objectives[0].when)"
    ]);
  });
  it("unknown event, constraint, deal type, issue and option in conditions", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { any: [{ event: sumit }, { constraint: frieze }, { deal: apollo }, { deal: astp, terms: { docking: hooks, color: red } }] }"]]),
    ).toEqual([
      "broken.yaml:31:32: unknown event \"sumit\" (known events: summit, scandal) (roles[0].objectives[0].when.any[0].event)",
      "broken.yaml:31:55: unknown constraint \"frieze\" (known constraints: freeze) (roles[0].objectives[0].when.any[1].constraint)",
      "broken.yaml:31:73: unknown deal type \"apollo\" (known deal types: astp, memo) (roles[0].objectives[0].when.any[2].deal)",
      "broken.yaml:31:115: unknown option \"hooks\" of issue \"docking\" (known options: adapter, probe) (roles[0].objectives[0].when.any[3].terms.docking)",
      "broken.yaml:31:122: unknown issue \"color\" of deal type \"astp\" (known issues: docking, crew) (roles[0].objectives[0].when.any[3].terms.color)"
    ]);
  });
  it("a point table missing an option", () => {
    expect(
      problemsAfter([["docking: { adapter: 2, probe: 6 }","docking: { adapter: 2 }"]]),
    ).toEqual([
      "broken.yaml:51:20: point table of role \"nasa\" for deal type \"astp\" has no points for option \"probe\" of issue \"docking\" (roles[1].pointTables.astp.issues.docking)"
    ]);
  });
  it("a point table missing an issue", () => {
    expect(
      problemsAfter([["          crew: { mixed: 5, national: 1 }\n",""]]),
    ).toEqual([
      "broken.yaml:51:11: point table of role \"nasa\" for deal type \"astp\" has no points for issue \"crew\" (roles[1].pointTables.astp.issues)"
    ]);
  });
  it("a point table naming an unknown issue or option", () => {
    expect(
      problemsAfter([["docking: { adapter: 2, probe: 6 }","docking: { adapter: 2, probe: 6, hook: 1 }\n          color: { red: 1 }"]]),
    ).toEqual([
      "broken.yaml:51:44: point table of role \"nasa\" for deal type \"astp\" names unknown option \"hook\" of issue \"docking\" (known options: adapter, probe) (roles[1].pointTables.astp.issues.docking.hook)",
      "broken.yaml:52:11: point table of role \"nasa\" for deal type \"astp\" names unknown issue \"color\" (known issues: docking, crew) (roles[1].pointTables.astp.issues.color)"
    ]);
  });
  it("a point table for an unknown deal type (and none for the real one)", () => {
    expect(
      problemsAfter([["    pointTables:\n      astp:\n        walkAway: 4","    pointTables:\n      apollo:\n        walkAway: 4"]]),
    ).toEqual([
      "broken.yaml:48:7: unknown deal type \"apollo\" (known deal types: astp, memo) (roles[1].pointTables.apollo)",
      "broken.yaml:48:7: role \"nasa\" may be party to deal type \"astp\" but has no point table for it (roles[1].pointTables)"
    ]);
  });
  it("adoptAs naming a track II type", () => {
    expect(
      problemsAfter([["    adoptAs: astp\n","    adoptAs: memo\n"]]),
    ).toEqual([
      "broken.yaml:88:14: adoptAs must name a track I deal type, and \"memo\" is track 2 (dealTypes[1].adoptAs)"
    ]);
  });
  it("adoptAs naming a type whose options differ", () => {
    expect(
      problemsAfter([["          - { id: probe, label: Probe }\n      - id: crew\n        label: Crew\n        options:\n          - { id: mixed, label: Mixed }\n          - { id: national, label: National }\nstatements","          - { id: hook, label: Probe }\n      - id: crew\n        label: Crew\n        options:\n          - { id: mixed, label: Mixed }\n          - { id: national, label: National }\nstatements"]]),
    ).toEqual([
      "broken.yaml:88:14: memorandum \"memo\" cannot be adopted as \"astp\": the options of issue \"docking\" differ (adapter, hook / adapter, probe) (dealTypes[1].adoptAs)"
    ]);
  });
  it("a track II type without adoptAs is fine", () => {
    expect(
      problemsAfter([["    adoptAs: astp\n",""]]),
    ).toEqual([]);
  });
  it("@self and @parties outside objectives and deal effects", () => {
    expect(
      problemsAfter([["{ effect: news, headline: Spy caught }","{ effect: trust, from: \"@self\", to: \"@parties\", add: 1 }"]]),
    ).toEqual([
      "broken.yaml:128:32: \"@self\" means the role being scored; it is only allowed in objectives, shared objectives and ratifyWhen (events[1].effects[0].from)",
      "broken.yaml:128:45: \"@parties\" means a deal's parties; it is only allowed in a deal type's effects (onForce, eachRound, onBreach, onWithdraw, hostileCost, an option's onForce) (events[1].effects[0].to)"
    ]);
  });
  it("@parties in ratifyWhen", () => {
    expect(
      problemsAfter([["ratifyWhen: { track: tension, atMost: 7 }","ratifyWhen: { trust: { from: \"@self\", to: \"@parties\" }, atLeast: 40 }"]]),
    ).toEqual([
      "broken.yaml:26:47: \"@parties\" means a deal's parties; it is only allowed in a deal type's effects (onForce, eachRound, onBreach, onWithdraw, hostileCost, an option's onForce) (roles[0].ratifyWhen.trust.to)"
    ]);
  });
  it("@actor in an objective", () => {
    expect(
      problemsAfter([["when: { track: tension, atMost: 4 }","when: { resource: budget, role: \"@actor\", atLeast: 1 }"]]),
    ).toEqual([
      "broken.yaml:31:41: \"@actor\" means the role taking the action; it is only allowed in deal effects, statements and unilateral actions (roles[0].objectives[0].when.role)"
    ]);
  });
  it("a role without a seat that may sign", () => {
    expect(
      problemsAfter([["powers: [propose, sign, act, speak]","powers: [propose, act, speak]"]]),
    ).toEqual([
      "broken.yaml:45:7: role \"nasa\" has no seat with the \"sign\" power (every role needs one to sign deals) (roles[1].seats)"
    ]);
  });
  it("a government party to a ratified deal type without a seat that may ratify", () => {
    expect(
      problemsAfter([["powers: [propose, sign, ratify, act, speak]","powers: [propose, sign, act, speak]"]]),
    ).toEqual([
      "broken.yaml:24:7: government role \"us-gov\" may be party to deal type \"astp\", which needs ratification, but none of its seats has the \"ratify\" power (roles[0].seats)"
    ]);
  });
  it("players.min above players.max, and more players than seats", () => {
    expect(
      problemsAfter([["players: { min: 2, max: 3 }","players: { min: 5, max: 4 }"]]),
    ).toEqual([
      "broken.yaml:7:17: players.min (5) is more than players.max (4) (players.min)",
      "broken.yaml:7:25: players.max is 4 but the roles have only 3 seats in all (players.max)"
    ]);
  });
  it("a track starting outside its range", () => {
    expect(
      problemsAfter([["{ id: tension, label: Tension, start: 5 }","{ id: tension, label: Tension, start: 12 }"]]),
    ).toEqual([
      "broken.yaml:13:43: start of track \"tension\" is 12, outside the range 0..10 (tracks[0].start)"
    ]);
  });
  it("an event scheduled after the last round, in an unknown phase", () => {
    expect(
      problemsAfter([["at: { round: 2, phase: talks }","at: { round: 3, phase: talk }"]]),
    ).toEqual([
      "broken.yaml:120:18: round 3 is after the last round (rounds.count is 2) (events[0].at.round)",
      "broken.yaml:120:28: unknown phase \"talk\" (known phases: talks) (events[0].at.phase)"
    ]);
  });
  it("round labels not one per round", () => {
    expect(
      problemsAfter([["  count: 2\n","  count: 2\n  labels: [\"1970\"]\n"]]),
    ).toEqual([
      "broken.yaml:114:11: rounds.labels has 1 label but rounds.count is 2 (one label per round) (rounds.labels)"
    ]);
  });
  it("a deck without deck events", () => {
    expect(
      problemsAfter([["    deck: 1\n",""]]),
    ).toEqual([
      "broken.yaml:128:7: there is a deck but no event has a deck weight (add deck: <weight> to some events) (deck)"
    ]);
  });
  it("a deck drawn in an unknown phase", () => {
    expect(
      problemsAfter([["deck: { phase: talks }","deck: { phase: news }"]]),
    ).toEqual([
      "broken.yaml:129:16: unknown phase \"news\" (known phases: talks) (deck.phase)"
    ]);
  });
  it("constraint targets: unknown channel, role and deal type", () => {
    expect(
      problemsAfter([["- { between: [us-gov, nasa] }","- { channel: scientist }\n      - { between: [us-gov, esa] }\n    bansDeals:\n      - { together: [us-gov, nasa], dealTypes: [astpp] }"]]),
    ).toEqual([
      "broken.yaml:62:20: unknown channel \"scientist\" (known channels: public, scientists) (constraints[0].closesChannels[0].channel)",
      "broken.yaml:63:29: unknown role \"esa\" (known roles: us-gov, nasa) (constraints[0].closesChannels[1].between[1])",
      "broken.yaml:65:49: unknown deal type \"astpp\" (known deal types: astp, memo) (constraints[0].bansDeals[0].dealTypes[0])"
    ]);
  });
  it("unilateral action roles and cost", () => {
    expect(
      problemsAfter([["    cost: { budget: 10 }","    roles: [nasa, esa]\n    cost: { budjet: 10 }"]]),
    ).toEqual([
      "broken.yaml:109:19: unknown role \"esa\" (known roles: us-gov, nasa) (actions[0].roles[1])",
      "broken.yaml:110:13: unknown resource \"budjet\" (known resources: budget) (actions[0].cost.budjet)"
    ]);
  });
  it("a starting amount of an unknown resource", () => {
    expect(
      problemsAfter([["resources: { budget: 50 }","resources: { fuel: 50 }"]]),
    ).toEqual([
      "broken.yaml:25:18: unknown resource \"fuel\" (known resources: budget) (roles[0].resources.fuel)"
    ]);
  });
  it("a starting amount outside the resource's range", () => {
    expect(
      problemsAfter([["resources: { budget: 50 }","resources: { budget: 500 }"]]),
    ).toEqual([
      "broken.yaml:25:26: starting amount of resource \"budget\" is 500, outside the range 0..100 (roles[0].resources.budget)"
    ]);
  });
  it("a track effect with neither add nor set", () => {
    expect(
      problemsAfter([["{ effect: track, track: tension, add: -1 }\nactions","{ effect: track, track: tension }\nactions"]]),
    ).toEqual([
      "broken.yaml:104:9: a track effect needs exactly one of add or set (statements[0].effects[0])"
    ]);
  });
  it("unlocking a deal type that is not locked", () => {
    expect(
      problemsAfter([["{ effect: news, headline: Spy caught }","{ effect: unlockDealType, dealType: memo }"]]),
    ).toEqual([
      "broken.yaml:128:45: deal type \"memo\" is not locked, so unlocking it does nothing (add locked: true to it) (events[1].effects[0].dealType)"
    ]);
  });
  it("deal type parties: min above max, unknown role, too few possible parties", () => {
    expect(
      problemsAfter([["    parties: { min: 2, max: 2 }\n    ratification: true","    parties: { min: 3, max: 2, roles: [us-gov, nsa] }\n    ratification: true"]]),
    ).toEqual([
      "broken.yaml:68:14: deal type \"astp\" needs at least 3 parties but only 1 role may be party to it (dealTypes[0].parties)",
      "broken.yaml:68:21: parties.min (3) is more than parties.max (2) (dealTypes[0].parties.min)",
      "broken.yaml:68:48: unknown role \"nsa\" (known roles: us-gov, nasa) (dealTypes[0].parties.roles[1])"
    ]);
  });
  it("scoring terms with unknown resource and role", () => {
    expect(
      problemsAfter([["scoring:\n","scoring:\n  resources:\n    - { resource: budgt, pointsPer: 1, roles: [nasa, usgov] }\n"]]),
    ).toEqual([
      "broken.yaml:132:19: unknown resource \"budgt\" (known resources: budget) (scoring.resources[0].resource)",
      "broken.yaml:132:54: unknown role \"usgov\" (known roles: us-gov, nasa) (scoring.resources[0].roles[1])"
    ]);
  });
  it("trust pairs that are neither between nor from/to, and out of range", () => {
    expect(
      problemsAfter([["tracks:\n","trust:\n  initial:\n    - { between: [us-gov, nasa], from: nasa, value: 120 }\n    - { from: nasa, value: 10 }\ntracks:\n"]]),
    ).toEqual([
      "broken.yaml:14:7: a trust pair needs either between: [a, b] or both from and to (trust.initial[0])",
      "broken.yaml:14:53: trust value is 120, outside the range 0..100 (trust.initial[0].value)",
      "broken.yaml:15:7: a trust pair needs either between: [a, b] or both from and to (trust.initial[1])"
    ]);
  });
  it("a network called public", () => {
    expect(
      problemsAfter([["{ id: scientists, label: Scientists","{ id: public, label: Scientists"]]),
    ).toEqual([
      "broken.yaml:55:13: a network cannot be called \"public\": that is the public channel (channels.networks[0].id)"
    ]);
  });
  it("a track II memorandum with ratification", () => {
    expect(
      problemsAfter([["    adoptAs: astp\n","    adoptAs: astp\n    ratification: true\n"]]),
    ).toEqual([
      "broken.yaml:89:19: a track II memorandum is never ratified: remove ratification or make it track 1 (dealTypes[1].ratification)"
    ]);
  });
});

describe('format v2 checks', () => {
  it("a walk-away above the best total the role can reach", () => {
    expect(
      problemsAfter([["walkAway: 3", "walkAway: 30"]]),
    ).toEqual([
      expect.stringMatching(/^broken\.yaml:34:19: point table of role "us-gov" for deal type "astp": the walk-away 30 is above the best total the role can reach \(\d+, its best option of every issue\), so no deal of this type is ever worth signing for it \(roles\[0\]\.pointTables\.astp\.walkAway\)$/),
    ]);
  });
  it("round windows: on a scheduled event, backwards, after the last round", () => {
    expect(
      problemsAfter([
        ["    at: { round: 2, phase: talks }\n", "    at: { round: 2, phase: talks }\n    rounds: { from: 1 }\n"],
        ["    deck: 1\n", "    deck: 1\n    rounds: { from: 2, to: 1 }\n"],
      ]),
    ).toEqual([
      "broken.yaml:121:13: a scheduled event (at) has no round window: the window is for deck cards and conditional events (events[0].rounds)",
      "broken.yaml:128:13: the round window starts (from 2) after it ends (to 1) (events[1].rounds)",
    ]);
    expect(problemsAfter([["    deck: 1\n", "    deck: 1\n    rounds: { from: 3 }\n"]])).toEqual([
      "broken.yaml:127:21: round 3 is after the last round (rounds.count is 2) (events[1].rounds.from)",
    ]);
  });
  it("per-round world effects name known tracks and no placeholders", () => {
    expect(
      problemsAfter([["  count: 2\n", "  count: 2\n  eachRound:\n    - { when: { track: tenson, atLeast: 1 }, effects: [{ effect: trust, from: \"@actor\", to: nasa, add: 1 }] }\n"]]),
    ).toEqual([
      "broken.yaml:115:24: unknown track \"tenson\" (known tracks: tension) (rounds.eachRound[0].when.track)",
      "broken.yaml:115:79: \"@actor\" means the role taking the action; it is only allowed in deal effects, statements and unilateral actions (rounds.eachRound[0].effects[0].from)",
    ]);
  });
  it("a ban names its kind: bilateral or together, not v1's between", () => {
    expect(
      problemsAfter([["      - { between: [us-gov, nasa] }\n", "      - { between: [us-gov, nasa] }\n    bansDeals:\n      - { between: [us-gov, nasa] }\n"]]),
    ).toEqual([
      "broken.yaml:64:9: expected a map with one of the keys bilateral, together, found a map with the keys between (constraints[0].bansDeals[0])",
    ]);
    expect(
      problemsAfter([["      - { between: [us-gov, nasa] }\n", "      - { between: [us-gov, nasa] }\n    bansDeals:\n      - { together: [us-gov, nasa] }\n      - { bilateral: [us-gov, nsa] }\n"]]),
    ).toEqual([
      "broken.yaml:65:31: unknown role \"nsa\" (known roles: us-gov, nasa) (constraints[0].bansDeals[1].bilateral[1])",
    ]);
  });
});
