// The commented starter scenario that `spacebridge new <id>` writes: small, valid, and showing
// every part of the format an instructor is likely to change.
import { Id } from './schema';

/**
 * The YAML text of a starter scenario with this id. Throws if `id` is not a valid id. `schemaPath`
 * is the JSON Schema file as seen from the scenario's folder, for editor autocomplete.
 */
export function starterScenario(id: string, schemaPath = 'spacebridge.schema.json'): string {
  Id.parse(id);
  return STARTER.replaceAll('{{id}}', id).replace('{{schema}}', () => schemaPath);
}

const STARTER = `# yaml-language-server: $schema={{schema}}
# A Spacebridge scenario. Check it with:  npx spacebridge validate scenarios/{{id}}.yaml
# Ids (roles, tracks, deal types, issues, options, events...) are lowercase-with-dashes and are
# referred to by id elsewhere in the file. Role placeholders: @actor (the role acting), @parties
# (a deal's parties, in deal effects), @self (the role being scored, in objectives), @all.
schemaVersion: 2
id: {{id}}
title: A new scenario
summary: Two space powers negotiate a joint mission while tension rises and falls.
era: 1970s
players: { min: 2, max: 4 }   # max <= the total number of seats below
durationMinutes: 60
learningObjectives:
  - See how informal scientific contacts (track II) prepare official agreements (track I).
sources:
  - citation: Your source here
    section: "§1 Introduction"
discussionPrompts:
  - What did the scientists' memorandum make possible for the governments?

# Public gauges shown to everyone; effects move them, conditions read them.
tracks:
  - id: tension
    label: Geopolitical tension
    min: 0
    max: 10
    start: 5
    thresholds:
      - { at: 8, label: Crisis }

# Quantities each role holds (starting amounts are set per role below).
resources:
  - id: budget
    label: Space budget
    min: 0
    max: 100

# Trust between roles, 0..100 (50 unless set here).
trust:
  initial:
    - { between: [north, south], value: 40 }

roles:
  - id: north
    name: Government of North
    kind: government          # government, agency, science, industry or press
    nations: [North]           # the countries it speaks for (several for a transnational community)
    publicBrief: North wants prestige and a safe partner in orbit.
    confidentialBrief: Your parliament will not ratify anything while tension is 7 or more.
    seats:                    # seats fill in this order; the first is head of delegation
      - { id: head, title: Head of delegation, powers: [propose, sign, ratify, act, speak] }
      - { id: envoy, title: Science envoy, powers: [propose, sign, speak] }
    resources: { budget: 60 }
    ratifyWhen: { track: tension, atMost: 6 }   # when omitted, ratification always succeeds
    objectives:
      - id: mixed-crews
        description: Fly a mission with a mixed crew.
        points: 10
        when: { deal: joint-mission, status: inForce, terms: { crew: mixed } }
    pointTables:              # secret: points per option, and the walk-away (BATNA)
      joint-mission:
        walkAway: 5
        issues:
          docking: { common-adapter: 10, their-adapter: 2 }
          crew: { mixed: 8, national: 4 }

  - id: south
    name: Government of South
    kind: government
    nations: [South]
    publicBrief: South wants to show it is an equal partner.
    confidentialBrief: Your engineers fear that a common adapter reveals your technology.
    seats:
      - { id: head, title: Head of delegation, powers: [propose, sign, ratify, act, speak] }
      - { id: envoy, title: Science envoy, powers: [propose, sign, speak] }
    resources: { budget: 50 }
    objectives:
      - id: calm
        description: End the game with tension at 4 or less.
        points: 8
        when: { track: tension, atMost: 4 }
    pointTables:
      joint-mission:
        walkAway: 6
        issues:
          docking: { common-adapter: 3, their-adapter: 9 }
          crew: { mixed: 6, national: 6 }

channels:
  networks:                   # extra channels for their members only
    - id: scientists
      label: Scientists' network
      members: [north, south]
      track: 2

# Rules that close channels or ban deals, from the start or while a condition holds.
constraints:
  - id: freeze
    label: Diplomatic freeze
    description: At tension 9 or more the governments stop talking directly.
    activeWhen: { track: tension, atLeast: 9 }
    closesChannels:
      - { between: [north, south] }

dealTypes:
  - id: joint-mission
    label: Joint mission agreement
    description: A binding agreement to fly a joint mission.
    track: 1
    parties: { min: 2, max: 2 }
    ratification: true        # government parties must ratify (see ratifyWhen)
    issues: &mission-issues   # an anchor: the memorandum below reuses this list
      - id: docking
        label: Docking system
        options:
          - { id: common-adapter, label: A new common adapter }
          - { id: their-adapter, label: South's existing adapter }
      - id: crew
        label: Crew
        options:
          - { id: mixed, label: Mixed crews }
          - { id: national, label: National crews }
    onForce:
      - { effect: track, track: tension, add: -2 }
      - { effect: trust, from: "@parties", to: "@parties", add: 10 }
    onBreach:
      - { effect: track, track: tension, add: 3 }

  - id: lab-exchange
    label: Scientists' memorandum
    description: A non-binding memorandum that prepares the joint mission.
    track: 2
    parties: { min: 2, max: 2 }
    adoptAs: joint-mission    # a government may adopt it as this track I deal (same issues)
    issues: *mission-issues   # the same issues and options as joint-mission
    onForce:
      - { effect: trust, from: "@parties", to: "@parties", add: 5 }

# Tones of public statements and what each does.
statements:
  - id: conciliatory
    label: Conciliatory
    effects:
      - { effect: track, track: tension, add: -1 }
  - id: hardline
    label: Hardline
    effects:
      - { effect: track, track: tension, add: 1 }

actions:
  - id: show-of-force
    label: Show of force
    description: A military space test that worries everyone.
    maxUses: 1
    cost: { budget: 10 }
    effects:
      - { effect: track, track: tension, add: 2 }
      - { effect: trust, from: "@all", to: "@actor", add: -10, mutual: false }

rounds:
  count: 2
  labels: ["1970-1972", "1973-1975"]
  phases:
    - id: news
      label: News
      minutes: 2
      allows: [chat]
    - id: talks
      label: Talks
      minutes: 10
      allows: [chat, draft, propose, respond, memorandum, statement]
    - id: signing
      label: Signature and ratification
      minutes: 5
      allows: [chat, respond, sign, ratify, memorandum, breach, unilateral]

events:
  - id: summit
    title: Summit announced
    text: The leaders will meet; both sides soften their tone.
    at: { round: 2, phase: news }
    effects:
      - { effect: track, track: tension, add: -1 }
  - id: spy-scandal
    title: Spy scandal
    text: A spy is caught at a space research centre.
    deck: 1                   # drawn at random (by weight) at the start of deck.phase
    effects:
      - { effect: track, track: tension, add: 2 }
      - { effect: news, headline: Spy scandal shakes the talks }

deck:
  phase: news
  drawsPerRound: 1

scoring:
  keptDealBonus: 2
  breachPenalty: 10
  resources:
    - { resource: budget, pointsPer: 0.1 }
  sharedObjectives:
    - id: peace
      description: Tension ends below 8.
      points: 5
      when: { track: tension, atMost: 7 }
`;
