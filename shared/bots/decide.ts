// A bot plays one seat of one role from that seat's view alone, through the same actions a human
// sends. It is stateless: everything it needs (its offers so far, what the others asked for, the
// phase) is in the view, and its only memory is the PRNG state the caller keeps for it.
import { availableMoves, banForbids, concerns, dealStepAllowed, type AvailableMoves, type DealMoves } from '../engine/moves';
import type { Deal } from '../engine/types';
import type { ChannelView, GameView, PublicScenario } from '../engine/view';
import { bridges, relationshipOf } from '../engine/relationships';
import { nextRandom, type RngState } from '../engine/rng';
import type { PlayerAction } from '../protocol/actions';
import type { Role, Stance } from '../scenario/schema';
import { combinationCount } from '../analysis/agreementSpace';
import { judge } from './conditions';
import { line, STATEMENT_TEXT, type LineKind, type LineValues } from './lines';
import { range, value, valuationFor, type Terms, type Valuation } from './valuation';

export type Personality = 'cooperative' | 'hard-nosed';

export interface BotOptions {
  personality: Personality;
  /** The bot's own PRNG state (see `seedBotRng`); pass back the one returned each time. */
  rngState: RngState;
}

export interface BotDecision {
  /** To submit in order, as the bot's seat. Empty when it has nothing to do now. */
  actions: PlayerAction[];
  rngState: RngState;
}

type DealTypeView = PublicScenario['dealTypes'][number];

/** Offers are searched over every combination up to this many; beyond, the bot asks for its best. */
const MAX_SEARCH = 4096;
/** Tension (as a share of its track's range) from which bots stop conceding and calm things down. */
const HIGH_TENSION = 0.7;
const OPEN: Deal['status'][] = ['proposed', 'accepted', 'signed'];
/** Points a new deal must add over the one in force before a bot bothers to supersede it. */
const SUPERSEDE_GAIN = 3;
/** Extra points a cooperative bot asks of a deal whose hostile cost it would pay (a hard-nosed
 *  bot signs none while track I is hostile). */
const HOSTILE_MARGIN = 3;

interface Bot {
  view: GameView;
  scenario: PublicScenario;
  me: Role;
  personality: Personality;
  /** What its seat may do now: the engine's own rules, so the bot never tries a refused move. */
  moves: AvailableMoves;
  rng: RngState;
  actions: PlayerAction[];
  /** One chat line per decision, so bots never flood a channel. */
  spoke: boolean;
  tensionHigh: boolean;
  lastRound: boolean;
}

/**
 * What a bot does now in its seat. Pure and deterministic: the same view, scenario and options
 * give the same actions and the same next PRNG state. It reads only the view (its own role's
 * secrets are in `view.me`) and the public part of the scenario.
 */
export function decideBotActions(view: GameView, scenario: PublicScenario, options: BotOptions): BotDecision {
  const moves = availableMoves(view, scenario);
  if (view.status !== 'running' || !view.me || !moves) return { actions: [], rngState: options.rngState };
  const seat = view.seats.find((s) => s.role === view.me!.role.id && s.seat === view.me!.seat);
  const bot: Bot = {
    view,
    scenario,
    me: view.me.role,
    personality: options.personality,
    moves,
    rng: options.rngState,
    actions: [],
    spoke: false,
    tensionHigh: tensionShare(view, scenario) >= HIGH_TENSION,
    lastRound: view.round >= scenario.rounds.count,
  };

  withdrawDuplicates(bot);
  respondToProposals(bot);
  signAndRatify(bot);
  breachBadDeals(bot);
  adoptMemoranda(bot);
  proposeDeals(bot);
  talkTrackTwo(bot);

  // Done with the phase's business (talk aside): perhaps one public gesture, and say so. Once
  // ready, the bot makes no more gestures in the phase, so it rolls for them once a phase.
  const business = bot.actions.some((a) => a.type !== 'chat');
  if (!business && seat && !seat.ready && moves.ready.available && !waitingOnOthers(bot)) {
    makeStatement(bot);
    takeUnilateralAction(bot);
    bot.actions.push({ type: 'ready', ready: true });
  }
  return { actions: bot.actions, rngState: bot.rng };
}

// --- Reading the view -----------------------------------------------------------------------------

function random(bot: Bot): number {
  const [r, next] = nextRandom(bot.rng);
  bot.rng = next;
  return r;
}

function tensionShare(view: GameView, scenario: PublicScenario): number {
  // The scenarios' convention: the track with id `tension` (none: never high).
  const track = scenario.tracks.find((t) => t.id === 'tension');
  if (!track || track.max <= track.min) return 0;
  return ((view.tracks[track.id] ?? track.min) - track.min) / (track.max - track.min);
}

const dealTypeOf = (bot: Bot, id: string): DealTypeView | undefined => bot.scenario.dealTypes.find((d) => d.id === id);
const terms = (deal: Deal): Terms => deal.versions[deal.versions.length - 1].terms;
const movesOn = (bot: Bot, deal: Deal): DealMoves | undefined => bot.moves.deals[deal.id];
/** The seat may post in the channel now. */
const canTalkIn = (bot: Bot, channel: ChannelView | undefined): channel is ChannelView => !!channel && !!bot.moves.chat[channel.id]?.available;
/** The roles that may be parties to a type (the bot's own among them, if it may). */
const eligible = (bot: Bot, type: DealTypeView, roleId: string): boolean => bot.moves.dealTypes[type.id].parties.includes(roleId);
/** Would an active constraint refuse a deal of this type between these parties? */
const banned = (bot: Bot, dealType: string, parties: string[]): boolean => bot.moves.dealTypes[dealType]?.bans.some((ban) => banForbids(ban, parties)) ?? false;

function trustIn(bot: Bot, other: string): number {
  return bot.view.trust[bot.me.id]?.[other] ?? 50;
}

function bilateral(bot: Bot, other: string): ChannelView | undefined {
  const [a, b] = [bot.me.id, other].sort();
  return bot.view.channels.find((c) => c.id === `bilateral:${a}:${b}`);
}

/** A channel all these roles can talk in now: their bilateral channel, else a shared network. */
function channelFor(bot: Bot, parties: string[]): ChannelView | undefined {
  const others = parties.filter((p) => p !== bot.me.id);
  if (others.length === 1) {
    const direct = bilateral(bot, others[0]);
    if (canTalkIn(bot, direct)) return direct;
  }
  return bot.view.channels.find((c) => c.kind === 'network' && canTalkIn(bot, c) && parties.every((p) => c.members.includes(p)));
}

/** Valuations per role object: a bot is asked many times a phase with the same role. */
const valuations = new WeakMap<Role, Map<string, Valuation | null>>();

function valuation(bot: Bot, type: DealTypeView): Valuation | null {
  let known = valuations.get(bot.me);
  if (!known) valuations.set(bot.me, (known = new Map()));
  if (!known.has(type.id)) known.set(type.id, valuationFor(bot.me, type));
  return known.get(type.id)!;
}

/** The deal of this type in force (or an adopted memorandum) that a role is party to. */
function inForceFor(bot: Bot, typeId: string, role: string): Deal | undefined {
  return bot.view.deals.find((d) => d.dealType === typeId && (d.status === 'inForce' || d.status === 'adopted') && d.parties.includes(role));
}

/** Whether the signatories of a memorandum have the relationship that carries its adoption. */
function bridgedMemo(bot: Bot, memo: Deal): boolean {
  return bridges(bot.scenario.trackTwo, memo.parties, (a, b) => relationshipOf(bot.view.relationships, a, b));
}

const hostile = (bot: Bot, typeId: string): boolean => bot.view.me?.hostile.includes(typeId) ?? false;

/** The least a bot accepts for this deal: its floor, more if it would pay a hostile cost, and
 *  more than the deal it supersedes is worth to it. */
function acceptFloor(bot: Bot, val: Valuation, type: DealTypeView, deal: Deal): number {
  if (hostile(bot, type.id) && bot.personality === 'hard-nosed') return Infinity;
  let floor = floorOf(bot, val, type) + (hostile(bot, type.id) ? HOSTILE_MARGIN : 0);
  const old = deal.supersedes ? bot.view.deals.find((d) => d.id === deal.supersedes) : undefined;
  if (old && old.parties.includes(bot.me.id)) floor = Math.max(floor, value(val, terms(old)) + 1);
  return floor;
}

// --- Negotiating ----------------------------------------------------------------------------------

/** How far the game has gone: 0 in the first round, 1 in the last. */
function lateness(bot: Bot): number {
  const count = bot.scenario.rounds.count;
  return count <= 1 ? 1 : Math.min(1, (bot.view.round - 1) / (count - 1));
}

/**
 * The least a bot accepts: its walk-away, plus a margin. A hard-nosed bot's margin (a fifth of
 * what the type can give it above the walk-away) shrinks round by round to nothing in the last
 * round; high tension adds a tenth. Never below the walk-away.
 */
function floorOf(bot: Bot, val: Valuation, type: DealTypeView): number {
  const surplus = Math.max(0, range(val, type).best - val.walkAway);
  let margin = bot.personality === 'hard-nosed' ? surplus * 0.2 * (1 - lateness(bot)) : 0;
  if (bot.tensionHigh) margin += surplus * 0.1;
  return val.walkAway + Math.ceil(margin);
}

/** How far the bot has conceded on a type: one step per offer it made, and one per round gone. */
function concessionStep(bot: Bot, type: DealTypeView): number {
  const mine = bot.view.deals
    .filter((d) => d.dealType === type.id)
    .reduce((n, d) => n + d.versions.filter((v) => v.by === bot.me.id).length, 0);
  return Math.max(mine, bot.view.round - 1);
}

/** What the bot asks for at step k: the best-for-it target falls from its best to its floor,
 *  by its offers and by the rounds gone (it asks more early, and settles at its floor in the
 *  last round). */
function targetOf(bot: Bot, val: Valuation, type: DealTypeView, k: number): number {
  const { best } = range(val, type);
  const floor = floorOf(bot, val, type);
  let steps = bot.personality === 'hard-nosed' ? 4 : 2;
  if (bot.tensionHigh) steps += 2;
  const share = Math.max(Math.min(1, k / steps), lateness(bot));
  return Math.max(floor, best - (best - floor) * share);
}

/** Options the other parties asked for in their own versions (later versions weigh more): the
 *  bot's only window on their hidden point tables. */
function theirWishes(bot: Bot, type: DealTypeView): Map<string, number> {
  const wishes = new Map<string, number>();
  const sameIssues = [type.id, type.adoptAs, ...bot.scenario.dealTypes.filter((d) => d.adoptAs === type.id).map((d) => d.id)];
  for (const deal of bot.view.deals) {
    if (!sameIssues.includes(deal.dealType)) continue;
    deal.versions.forEach((version, i) => {
      if (version.by === bot.me.id) return;
      for (const [issue, option] of Object.entries(version.terms)) {
        const key = `${issue}=${option}`;
        wishes.set(key, (wishes.get(key) ?? 0) + 1 + i);
      }
    });
  }
  return wishes;
}

/**
 * The terms a bot offers at concession step k: among combinations worth at least its target,
 * the one closest to what the others asked for; with no such hint, it concedes on as many of the
 * issues it values least as the target allows. Ties go to its own value, then to chance.
 */
function offer(bot: Bot, type: DealTypeView, val: Valuation, k: number): Terms {
  const best = bestTerms(type, val);
  if (combinationCount(type) > MAX_SEARCH) return best;
  const target = targetOf(bot, val, type, k);
  const wishes = theirWishes(bot, type);
  // Per issue and option: its points for the bot, and how much it looks like a concession the
  // others want. Combinations are walked as option indexes (an odometer), without allocating.
  const points = type.issues.map((issue) => issue.options.map((o) => val.issues[issue.id]?.[o.id] ?? 0));
  const appeal = type.issues.map((issue) =>
    issue.options.map((o) => (wishes.get(`${issue.id}=${o.id}`) ?? 0) + (o.id !== best[issue.id] ? 0.5 : 0)),
  );
  const index = type.issues.map(() => 0);
  let chosen: number[][] = [];
  let bestScore = -Infinity;
  for (;;) {
    let mine = val.bonus;
    let score = 0;
    for (let i = 0; i < index.length; i++) {
      mine += points[i][index[i]];
      score += appeal[i][index[i]];
    }
    if (mine >= target) {
      score += mine * 0.01;
      if (score > bestScore + 1e-9) {
        bestScore = score;
        chosen = [[...index]];
      } else if (Math.abs(score - bestScore) <= 1e-9) {
        chosen.push([...index]);
      }
    }
    let i = index.length - 1;
    while (i >= 0 && ++index[i] === points[i].length) index[i--] = 0;
    if (i < 0) break;
  }
  if (chosen.length === 0) return best;
  const pick = chosen[Math.floor(random(bot) * chosen.length)];
  return Object.fromEntries(type.issues.map((issue, i) => [issue.id, issue.options[pick[i]].id]));
}

function bestTerms(type: DealTypeView, val: Valuation): Terms {
  const terms: Terms = {};
  for (const issue of type.issues) {
    let bestOption = issue.options[0].id;
    for (const o of issue.options) if ((val.issues[issue.id]?.[o.id] ?? 0) > (val.issues[issue.id]?.[bestOption] ?? 0)) bestOption = o.id;
    terms[issue.id] = bestOption;
  }
  return terms;
}

/** Placeholders for a chat line about these terms: the issue the bot cares most about (and the
 *  option it holds there) and, if any, an issue where it gave ground. */
function lineValues(bot: Bot, type: DealTypeView, val: Valuation | null, chosen: Terms, parties: string[]): LineValues {
  const values: LineValues = { deal: type.label };
  const partner = parties.find((p) => p !== bot.me.id);
  const partnerName = bot.view.roles.find((r) => r.id === partner)?.name;
  if (partnerName) values.partner = partnerName;
  if (!val) return values;
  const best = bestTerms(type, val);
  const weight = (issueId: string) => {
    const points = Object.values(val.issues[issueId] ?? {});
    return points.length ? Math.max(...points) - Math.min(...points) : 0;
  };
  const byWeight = [...type.issues].sort((a, b) => weight(b.id) - weight(a.id));
  const key = byWeight.find((i) => chosen[i.id] === best[i.id] && weight(i.id) > 0);
  const given = [...byWeight].reverse().find((i) => chosen[i.id] !== best[i.id]);
  const label = (issue: (typeof type.issues)[number]) => issue.options.find((o) => o.id === chosen[issue.id])?.label;
  if (key) Object.assign(values, { keyIssue: key.label, keyOption: label(key) });
  if (given) Object.assign(values, { giveIssue: given.label, giveOption: label(given) });
  return values;
}

function say(bot: Bot, kind: LineKind, parties: string[], values: LineValues): void {
  if (bot.spoke) return;
  const channel = channelFor(bot, parties);
  if (!channel) return;
  const network = bot.view.channels.find((c) => c.kind === 'network' && c.members.includes(bot.me.id));
  const [text, rng] = line(kind, { ...values, ...(network ? { network: network.label } : {}) }, bot.rng, bot.me.phrases);
  bot.rng = rng;
  if (!text) return;
  bot.actions.push({ type: 'chat', channel: channel.id, text });
  bot.spoke = true;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Two proposals of the same type between the same parties: the later one's author withdraws. */
function withdrawDuplicates(bot: Bot): void {
  for (const deal of bot.view.deals) {
    if (deal.status !== 'proposed' || !movesOn(bot, deal)?.withdrawDeal.available || deal.acceptedBy.some((p) => p !== bot.me.id)) continue;
    const earlier = bot.view.deals.find(
      (d) => d.id !== deal.id && d.dealType === deal.dealType && OPEN.includes(d.status) && sameSet(d.parties, deal.parties) && dealNumber(d) < dealNumber(deal),
    );
    if (earlier) bot.actions.push({ type: 'withdrawDeal', deal: deal.id });
  }
}

const dealNumber = (deal: Deal) => Number(deal.id.slice(1));

function respondToProposals(bot: Bot): void {
  const withdrawn = new Set(bot.actions.flatMap((a) => (a.type === 'withdrawDeal' ? [a.deal] : [])));
  for (const deal of bot.view.deals) {
    const moves = movesOn(bot, deal);
    // A proposal awaiting the bot's answer, unless a constraint stops it from going anywhere.
    if (!moves || !concerns(moves.acceptDeal)) continue;
    if (withdrawn.has(deal.id) || (!deal.bridged && banned(bot, deal.dealType, deal.parties))) continue;
    const type = dealTypeOf(bot, deal.dealType);
    if (!type) continue;
    // A party already has a deal of this type in force: this one cannot go ahead.
    if (!moves.acceptDeal.available && moves.acceptDeal.reason === 'deal-type-in-force') {
      if (moves.rejectDeal.available) bot.actions.push({ type: 'rejectDeal', deal: deal.id });
      else if (moves.withdrawDeal.available) bot.actions.push({ type: 'withdrawDeal', deal: deal.id });
      continue;
    }
    const canRespond = moves.acceptDeal.available;
    const canCounter = moves.counterDeal.available;
    // Saying no: the author withdraws its own proposal, the others reject it.
    const refusal = moves.withdrawDeal.available ? 'withdrawDeal' : moves.rejectDeal.available ? 'rejectDeal' : null;
    const val = valuation(bot, type);
    const current = terms(deal);

    if (!val) {
      // Nothing at stake for it: a cooperative bot goes along with a non-binding memorandum.
      if (!canRespond) continue;
      const agree = deal.track === 2 && bot.personality === 'cooperative';
      if (agree) bot.actions.push({ type: 'acceptDeal', deal: deal.id });
      else if (moves.rejectDeal.available) bot.actions.push({ type: 'rejectDeal', deal: deal.id });
      say(bot, agree ? 'accept' : 'reject', deal.parties, { deal: type.label });
      continue;
    }
    const worth = value(val, current);
    if (worth >= acceptFloor(bot, val, type, deal)) {
      if (!canRespond) continue;
      bot.actions.push({ type: 'acceptDeal', deal: deal.id });
      say(bot, 'accept', deal.parties, lineValues(bot, type, val, current, deal.parties));
      continue;
    }
    const myVersions = deal.versions.filter((v) => v.by === bot.me.id).length;
    // A few counters a round: a deal still open in a later round gets as many again, when the
    // bot's floor has come down.
    const maxCounters = (bot.personality === 'hard-nosed' ? 4 : 3) * (1 + bot.view.round - deal.round);
    if (canCounter && myVersions < maxCounters) {
      const counter = offer(bot, type, val, concessionStep(bot, type) + 1);
      if (value(val, counter) > worth) {
        bot.actions.push({ type: 'counterDeal', deal: deal.id, terms: counter });
        say(bot, bot.tensionHigh ? 'tension' : 'counter', deal.parties, lineValues(bot, type, val, counter, deal.parties));
        continue;
      }
    }
    // Out of counters (or nothing better to ask for): say no. An author whose partners have
    // accepted the current terms waits instead: withdrawing them would be a defection, and its
    // floor falls round by round.
    const othersAccepted = deal.acceptedBy.some((p) => p !== bot.me.id);
    if (refusal === 'withdrawDeal' && othersAccepted) continue;
    if (refusal && (myVersions >= maxCounters || bot.lastRound || !canCounter)) {
      bot.actions.push({ type: refusal, deal: deal.id });
      say(bot, 'reject', deal.parties, { deal: type.label });
    }
  }
}

function signAndRatify(bot: Bot): void {
  // One deal per type: a signature may bring a deal into force, which would stop another of its
  // type in the same turn. The others wait for the next turn, when the view shows what happened.
  const signed = new Set<string>();
  for (const deal of bot.view.deals) {
    const moves = movesOn(bot, deal);
    const type = dealTypeOf(bot, deal.dealType);
    if (!moves || !type || signed.has(type.id)) continue;
    if (moves.signDeal.available || moves.ratifyDeal.available) signed.add(type.id);
    if (moves.signDeal.available) {
      bot.actions.push({ type: 'signDeal', deal: deal.id });
      say(bot, 'sign', deal.parties, { deal: type.label });
    }
    if (moves.ratifyDeal.available) {
      if (ratifies(bot, deal)) {
        bot.actions.push({ type: 'ratifyDeal', deal: deal.id });
        say(bot, 'ratify', deal.parties, { deal: type.label });
      } else {
        say(bot, 'waitRatify', deal.parties, { deal: type.label });
      }
    }
  }
}

/**
 * Whether the bot's government ratifies now: only when its own `ratifyWhen` holds, so a
 * ratification never fails by its own hand. An agreement carried by track II cannot fail. When
 * the view cannot tell (the condition reads what the seat does not see), the bot waits for a
 * round in which it can, and takes the chance in the last round, when waiting would lose the deal
 * anyway.
 */
function ratifies(bot: Bot, deal: Deal): boolean {
  const when = bot.me.ratifyWhen;
  if (deal.bridged || !when) return true;
  const verdict = judge(when, bot.view, { self: bot.me.id, parties: deal.parties });
  return verdict ?? bot.lastRound;
}

/** A deal the bot signed that waits on its own ratification, which its domestic condition refuses. */
function stuckAtHome(bot: Bot, deal: Deal): boolean {
  return deal.status === 'signed' && deal.parties.includes(bot.me.id) && !!movesOn(bot, deal)?.ratifyDeal.available && !ratifies(bot, deal);
}

/** A hard-nosed bot walks out of a binding deal in force that is worth less to it than no deal. */
function breachBadDeals(bot: Bot): void {
  if (bot.personality !== 'hard-nosed') return;
  for (const deal of bot.view.deals) {
    if (deal.track !== 1 || !movesOn(bot, deal)?.breachDeal.available) continue;
    const type = dealTypeOf(bot, deal.dealType);
    const val = type && valuation(bot, type);
    if (!type || !val?.fromTable || value(val, terms(deal)) >= val.walkAway) continue;
    bot.actions.push({ type: 'breachDeal', deal: deal.id });
    say(bot, 'breach', deal.parties, { deal: type.label });
  }
}

/** Parties for a new deal of this type: the bot and the roles it trusts most that it can reach
 *  and that have no other deal of the type in force; all the parties of the deal it supersedes.
 *  A deal carried by a track II relationship (`throughBans`) reaches across bans and closures. */
function partnersFor(bot: Bot, type: DealTypeView, supersedes?: Deal, throughBans = false): string[] | null {
  const kept = supersedes?.parties ?? [];
  const others = bot.view.roles
    .map((r) => r.id)
    .filter((id) => id !== bot.me.id && !kept.includes(id) && eligible(bot, type, id))
    .filter((id) => throughBans || (bilateral(bot, id)?.open !== false && !banned(bot, type.id, [bot.me.id, id])))
    .filter((id) => !inForceFor(bot, type.id, id))
    .sort((a, b) => trustIn(bot, b) - trustIn(bot, a));
  const chosen = new Set([bot.me.id, ...kept]);
  const needed = type.parties.min - chosen.size;
  if (others.length < needed || chosen.size > type.parties.max || kept.some((id) => !eligible(bot, type, id))) return null;
  for (const id of others.slice(0, Math.max(0, needed))) chosen.add(id);
  return bot.view.roles.map((r) => r.id).filter((id) => chosen.has(id));
}

/** Is a deal of this type under negotiation with the bot (proposed, accepted or signed)? */
function negotiating(bot: Bot, typeId: string): boolean {
  return bot.view.deals.some((d) => d.dealType === typeId && d.parties.includes(bot.me.id) && OPEN.includes(d.status));
}

/** A negotiation that can still go somewhere: not stopped by a ban (unless track II carries it)
 *  and not stuck on the bot's own ratification, which its domestic condition refuses. */
function negotiatingLive(bot: Bot, typeId: string): boolean {
  return bot.view.deals.some(
    (d) => d.dealType === typeId && d.parties.includes(bot.me.id) && OPEN.includes(d.status) && (d.bridged || !banned(bot, d.dealType, d.parties)) && !stuckAtHome(bot, d),
  );
}

/**
 * A government adopts a memorandum signed by its own side when the terms (with the issues the
 * memorandum leaves open set its way) are good enough, and better than its deal in force. This is
 * its way around a frozen track I: a memorandum whose signatories have built a relationship is
 * adopted through bans, and its ratification cannot fail, so the bot adopts one even while a
 * negotiation of the type is stopped by a ban or stuck on its own ratification, and takes a
 * carried one first.
 */
function adoptMemoranda(bot: Bot): void {
  const memos = bot.view.deals.filter((d) => movesOn(bot, d)?.adoptMemorandum.available);
  memos.sort((a, b) => Number(bridgedMemo(bot, b)) - Number(bridgedMemo(bot, a)));
  for (const memo of memos) {
    const type = dealTypeOf(bot, dealTypeOf(bot, memo.dealType)!.adoptAs!);
    if (!type || negotiatingLive(bot, type.id)) continue;
    const val = valuation(bot, type);
    if (!val) continue;
    const current = inForceFor(bot, type.id, bot.me.id);
    const carried = bridgedMemo(bot, memo);
    const parties = partnersFor(bot, type, current, carried);
    const open = bestTerms(type, val);
    const fill = Object.fromEntries(Object.entries(open).filter(([issue]) => !(issue in terms(memo))));
    const worth = value(val, { ...open, ...terms(memo) });
    if (!parties || (!carried && banned(bot, type.id, parties)) || worth < floorOf(bot, val, type)) continue;
    if (current && worth < value(val, terms(current)) + SUPERSEDE_GAIN) continue;
    bot.actions.push({
      type: 'adoptMemorandum',
      deal: memo.id,
      parties,
      ...(Object.keys(fill).length > 0 ? { terms: fill } : {}),
      ...(current ? { supersedes: current.id } : {}),
    });
    say(bot, 'adopt', parties, { deal: type.label });
    return;
  }
}

/** Draft a deal the bot wants, then propose it on a later turn (a draft's id comes from the engine). */
function proposeDeals(bot: Bot): void {
  if (bot.actions.some((a) => a.type === 'adoptMemorandum')) return;
  for (const type of bot.scenario.dealTypes) {
    // Only what it could propose now: a draft it cannot send would wait for nothing.
    if (!bot.moves.dealTypes[type.id].propose.available) continue;
    const val = valuation(bot, type);
    if (!val || (hostile(bot, type.id) && bot.personality === 'hard-nosed')) continue;
    const floor = floorOf(bot, val, type) + (hostile(bot, type.id) ? HOSTILE_MARGIN : 0);
    if (range(val, type).best < floor) continue;
    const mine = bot.view.deals.filter((d) => d.dealType === type.id && d.author === bot.me.id);
    const draft = mine.find((d) => d.status === 'draft');
    if (negotiating(bot, type.id)) continue;
    // One deal per type in force: a new one must supersede it, and is only worth it for more.
    const current = inForceFor(bot, type.id, bot.me.id);
    if (current && range(val, type).best < value(val, terms(current)) + SUPERSEDE_GAIN) continue;
    // One try per type and round: a turned-down proposal waits for the next round.
    if (mine.some((d) => d.round === bot.view.round && d.status !== 'draft')) continue;
    if (draft) {
      const propose = movesOn(bot, draft)?.proposeDeal;
      if (!propose?.available) {
        // Overtaken by a deal in force: discard it and draft afresh next time.
        if (propose?.reason === 'deal-type-in-force' || propose?.reason === 'wrong-status') bot.actions.push({ type: 'withdrawDeal', deal: draft.id });
        continue;
      }
      bot.actions.push({ type: 'proposeDeal', deal: draft.id });
      say(bot, 'propose', draft.parties, lineValues(bot, type, val, terms(draft), draft.parties));
      return;
    }
    if (!bot.moves.dealTypes[type.id].draftDeal.available) continue;
    const parties = partnersFor(bot, type, current);
    if (!parties) continue;
    const offered = offer(bot, type, val, concessionStep(bot, type));
    if (current && value(val, offered) < value(val, terms(current)) + SUPERSEDE_GAIN) continue;
    bot.actions.push({ type: 'draftDeal', dealType: type.id, parties, terms: offered, ...(current ? { supersedes: current.id } : {}) });
    return;
  }
}

/** Track II on purpose: a role in a scientists' network posts there once a round (in each of its
 *  networks, one a turn), since rounds of contact build the relationship that carries a
 *  memorandum's adoption through a freeze. */
function talkTrackTwo(bot: Bot): void {
  if (bot.spoke) return;
  const network = bot.view.channels.find(
    (c) => c.kind === 'network' && c.track === 2 && canTalkIn(bot, c) && !c.messages?.some((m) => m.role === bot.me.id && m.round === bot.view.round),
  );
  if (!network) return;
  // What it talks about: a memorandum its role may sign.
  const type = bot.scenario.dealTypes.find((d) => d.track === 2 && eligible(bot, d, bot.me.id));
  const val = type ? valuation(bot, type) : null;
  const partners = network.members.filter((m) => m !== bot.me.id);
  const values: LineValues = { network: network.label };
  if (type) Object.assign(values, lineValues(bot, type, val, val ? bestTerms(type, val) : {}, [bot.me.id, ...partners]));
  const [text, rng] = line('trackTwo', values, bot.rng, bot.me.phrases);
  bot.rng = rng;
  if (!text) return;
  bot.actions.push({ type: 'chat', channel: network.id, text });
  bot.spoke = true;
}

/** Since the current phase began, has the bot's role already done this kind of thing? */
function doneThisPhase(bot: Bot, kind: 'statement' | 'action'): boolean {
  const timeline = bot.view.timeline;
  for (let i = timeline.length - 1; i >= 0 && timeline[i].kind !== 'phase'; i--) {
    if (timeline[i].kind === kind && timeline[i].roles.includes(bot.me.id)) return true;
  }
  return false;
}

/** Does the bot still want a track I agreement: one it may join, worth more to it than its
 *  walk-away, of a type it has none in force? Then it has reason to keep the other side sweet. */
function wantsAgreement(bot: Bot): boolean {
  return bot.scenario.dealTypes.some((type) => {
    if (type.track !== 1 || !eligible(bot, type, bot.me.id) || inForceFor(bot, type.id, bot.me.id)) return false;
    const val = valuation(bot, type);
    return !!val && range(val, type).best > val.walkAway;
  });
}

/** A government whose own ratification condition fails now while it wants an agreement that
 *  needs ratifying (or has one waiting): it needs support at home. */
function troubleAtHome(bot: Bot): boolean {
  const when = bot.me.ratifyWhen;
  if (!when || judge(when, bot.view, { self: bot.me.id }) !== false) return false;
  return bot.view.deals.some((d) => stuckAtHome(bot, d)) || (wantsAgreement(bot) && bot.scenario.dealTypes.some((t) => t.ratification && eligible(bot, t, bot.me.id)));
}

/** The stance the bot takes in public, from its own stakes (never from the words of a label):
 *  one that needs support at home plays to it; one that wants an agreement reaches out, or at
 *  least does not provoke; one with nothing to gain may show its teeth, unless tension is high. */
function stanceNow(bot: Bot): Stance {
  if (troubleAtHome(bot) && !bot.tensionHigh) return 'hostile';
  if (wantsAgreement(bot) || bot.tensionHigh) return bot.personality === 'cooperative' || bot.tensionHigh ? 'conciliatory' : 'neutral';
  return bot.personality === 'hard-nosed' ? 'hostile' : 'neutral';
}

/** A public statement now and then, in the tone its stance calls for (the scenario's `tone`),
 *  else a neutral one. */
function makeStatement(bot: Bot): void {
  if (!bot.moves.publicStatement.available || doneThisPhase(bot, 'statement')) return;
  if (random(bot) >= (bot.personality === 'hard-nosed' ? 0.5 : 0.35)) return;
  const stance = stanceNow(bot);
  let tones = bot.scenario.statements.filter((t) => t.tone === stance);
  if (tones.length === 0) tones = bot.scenario.statements.filter((t) => t.tone === 'neutral');
  if (tones.length === 0) return;
  const tone = tones[Math.floor(random(bot) * tones.length)];
  const [text, rng] = line(tone.tone, {}, bot.rng, bot.me.phrases);
  bot.rng = rng;
  bot.actions.push({ type: 'publicStatement', tone: tone.id, text: text ?? STATEMENT_TEXT[tone.tone] });
}

/** Unilateral actions now and then, by the scenario's `stance`: gestures when the bot wants an
 *  agreement or tension is high, shows of strength when its stance is hostile, neutral moves
 *  unless it is reaching out. Only actions its seat may take now (limits, `requires` and costs
 *  included). */
function takeUnilateralAction(bot: Bot): void {
  if (doneThisPhase(bot, 'action')) return;
  const stance = stanceNow(bot);
  const fits = (action: Stance) =>
    action === stance || (action === 'neutral' && stance === 'hostile') || (action === 'conciliatory' && stance !== 'hostile' && (wantsAgreement(bot) || bot.tensionHigh));
  const pool = bot.scenario.actions.filter((a) => bot.moves.unilateralAction[a.id]?.available && fits(a.stance));
  if (pool.length === 0 || random(bot) >= 0.3) return;
  const action = pool[Math.floor(random(bot) * pool.length)];
  bot.actions.push({ type: 'unilateralAction', action: action.id });
}

/** The government parties that have not ratified a signed deal yet. */
function governmentsToRatify(bot: Bot, deal: Deal): string[] {
  return deal.parties.filter((p) => bot.view.roles.find((r) => r.id === p)?.kind === 'government' && !deal.ratifiedBy.includes(p));
}

/** Something in this phase still needs another party's move on a deal the bot is in. */
function waitingOnOthers(bot: Bot): boolean {
  return bot.view.deals.some((d) => {
    if (!d.parties.includes(bot.me.id) || (!d.bridged && banned(bot, d.dealType, d.parties))) return false;
    const allows = bot.view.phase?.allows ?? [];
    if (d.status === 'proposed') return dealStepAllowed(allows, d.track, 'respond') || dealStepAllowed(allows, d.track, 'propose');
    if (d.status === 'accepted') return dealStepAllowed(allows, d.track, 'sign');
    if (d.status === 'signed') return dealStepAllowed(allows, d.track, 'ratify') && governmentsToRatify(bot, d).some((g) => g !== bot.me.id);
    return false;
  });
}
