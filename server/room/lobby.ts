// Lobby and seating: who a connection is (onAuth: the facilitator key, the join code, a seat
// token), the session's players, and which player holds which seat. That last fact is recorded
// once, in the players kept here (the store's players table is their durable copy), written in the
// same commit as the engine's takeSeat or assignSeat, and only by `setSeat` below
// (docs/architecture.md, "Who sits where").
import { ServerError } from '@colyseus/core';
import type { Action, Actor, Viewer } from '@shared/engine';
import type { SeatRef } from '@shared/protocol/actions';
import type { JoinRefusal } from '@shared/protocol/errors';
import { JoinOptions } from '@shared/protocol/messages';
import type { ProtocolError, ServerMessagePayloads } from '@shared/protocol/serverMessages';
import { hashSecret, judgeGuess, normaliseJoinCode, randomToken, secretMatches } from '../secrets';
import type { Timer } from '../clock';
import type { Services } from '../services';
import type { GameSession, Submission } from '../session';
import type { PlayerRecord } from '../store/store';
import type { Identity } from './connection';

/**
 * Unseated lobby players (docs/security.md, item 4). The class size is the scenario's seat count
 * (sessions have no class-size setting). One address may keep a whole class waiting (a school
 * behind one NAT address) plus a few spares (second devices, private windows); the session as
 * many again, so whatever one address holds, a whole class still gets in. One with no connection
 * (not even a dropped one waiting to reconnect) for `idleMs` is removed, and its token with it.
 */
export const LOBBY = { spare: 5, idleMs: 3 * 60_000 } as const;

export function lobbyLimits(classSize: number): { perAddress: number; perSession: number } {
  const perAddress = classSize + LOBBY.spare;
  return { perAddress, perSession: perAddress + classSize + LOBBY.spare };
}

/** What the lobby asks of the room's connections: a player's devices told why and closed, and
 *  everyone told who is in the session now. */
export interface LobbyEvents {
  closePlayer(playerId: string, reason: 'revoked'): void;
  playersChanged(): void;
}

export class Lobby {
  /** The session's players by id, in the order they came (loaded when the session was opened;
   *  every change is written through the session's writer in the same turn). */
  private readonly players = new Map<string, PlayerRecord>();
  /**
   * The seating (player id -> seat), derived from `players` and kept until `setSeat` or
   * `removePlayer`, the only writers of where players sit, change them: a memo for the
   * per-message and per-patch lookups, never written to.
   */
  private seating: Map<string, SeatRef> | null = null;

  /** The address each lobby player of this run was created from (none for older ones). */
  private addresses = new Map<string, string>();
  /** Removal timers of unseated players with no connection, by player id. */
  private idle = new Map<string, Timer>();

  constructor(
    private readonly services: Services,
    private readonly session: GameSession,
    private readonly events: LobbyEvents,
    players: readonly PlayerRecord[],
  ) {
    for (const p of players) this.players.set(p.id, { ...p });
    // After a restart nobody is connected yet.
    this.watchIdle(new Set());
  }

  /**
   * onAuth: who this connection is, from its join options. A player without a known seat token
   * gets a new lobby identity (committed before the join is answered; its token is sent once, on
   * this join). Throws a
   * ServerError, which refuses the join, on a wrong key or code. As on the HTTP API, the secret
   * is checked first: a right one passes even from an address blocked for wrong guesses, which
   * are counted against the address (docs/security.md, item 2).
   */
  async authenticate(rawOptions: unknown, ip: string): Promise<Identity> {
    const { joinFailures, clock } = this.services;
    const { writer } = this.session;
    const parsed = JoinOptions.safeParse(rawOptions);
    if (!parsed.success) throw new ServerError(400, 'invalidJoinOptions' satisfies JoinRefusal);
    const options = parsed.data;
    const record = this.session.record;

    const right =
      options.as === 'facilitator' ? secretMatches(options.facilitatorKey, record.facilitatorKeyHash) : normaliseJoinCode(options.joinCode) === record.joinCode;
    const guess = await judgeGuess(joinFailures, ip, clock.now(), right);
    if (guess === 'blocked') throw new ServerError(429, 'tooManyAttempts' satisfies JoinRefusal);
    if (guess === 'wrong') throw new ServerError(401, (options.as === 'facilitator' ? 'wrongFacilitatorKey' : 'wrongJoinCode') satisfies JoinRefusal);
    if (options.as !== 'player') return { kind: options.as };

    const known = options.seatToken ? this.byTokenHash(hashSecret(options.seatToken)) : undefined;
    if (known) {
      if (known.name !== options.name) {
        known.name = options.name;
        writer.setPlayerName(known.id, options.name);
      }
      return { kind: 'player', playerId: known.id, newSeatToken: null };
    }
    this.checkLobbyRoom(ip);
    const seatToken = randomToken(32);
    const player: PlayerRecord = { id: randomToken(9), name: options.name, tokenHash: hashSecret(seatToken), role: null, seat: null };
    this.players.set(player.id, player);
    writer.addPlayer(player, clock.now());
    this.addresses.set(player.id, ip);
    // The token must be durable before its holder is told it: a crash must not forget a seat token
    // a student has.
    await writer.durable();
    return { kind: 'player', playerId: player.id, newSeatToken: seatToken };
  }

  /** Throws the refusal of a new lobby player from `ip` when its address or the session has no
   *  lobby place left (seated players take none). */
  private checkLobbyRoom(ip: string): void {
    const limits = lobbyLimits(Object.keys(this.session.state.seats).length);
    const waiting = [...this.players.values()].filter((p) => p.role === null);
    if (waiting.filter((p) => this.addresses.get(p.id) === ip).length >= limits.perAddress) {
      throw new ServerError(429, 'tooManyWaiting' satisfies JoinRefusal);
    }
    if (waiting.length >= limits.perSession) throw new ServerError(403, 'lobbyFull' satisfies JoinRefusal);
  }

  /**
   * Keeps the removal timers in step with who has a connection (`present`: player ids with any
   * connection, dropped ones waiting to reconnect included): an unseated player without one is
   * removed after `LOBBY.idleMs`. Called whenever connections or seating change.
   */
  watchIdle(present: ReadonlySet<string>): void {
    const idle = new Set<string>();
    for (const p of this.players.values()) if (p.role === null && !present.has(p.id)) idle.add(p.id);
    for (const [playerId, timer] of this.idle) {
      if (idle.has(playerId)) continue;
      timer.clear();
      this.idle.delete(playerId);
    }
    for (const playerId of idle) {
      if (!this.idle.has(playerId)) this.idle.set(playerId, this.services.clock.setTimeout(() => this.expire(playerId), LOBBY.idleMs));
    }
  }

  /** Clears the removal timers (the room is closing). */
  stop(): void {
    for (const timer of this.idle.values()) timer.clear();
    this.idle.clear();
  }

  /** An idle unseated player is removed (`watchIdle` cleared the timer of any that came back). */
  private expire(playerId: string): void {
    this.idle.delete(playerId);
    const player = this.players.get(playerId);
    if (!player || player.role !== null) return;
    this.removePlayer(playerId);
    this.events.playersChanged();
  }

  /**
   * The facilitator's `revokeToken`: the player and its seat token are removed (a rejoin with it
   * gets a fresh lobby identity), their devices are told and closed. A seat they held keeps its
   * occupant's name in the game, held by nobody, until the facilitator seats someone there.
   */
  revokeToken(identity: Identity, playerId: string): ProtocolError | null {
    if (identity.kind !== 'facilitator') return { code: 'facilitator-only' };
    if (!this.players.has(playerId)) return { code: 'unknown-player' };
    this.removePlayer(playerId);
    this.events.closePlayer(playerId, 'revoked');
    this.events.playersChanged();
    return null;
  }

  /** Deletes a player's row (and token); like `setSeat`, it changes the seating. */
  private removePlayer(playerId: string): void {
    this.players.delete(playerId);
    this.session.writer.deletePlayer(playerId);
    this.addresses.delete(playerId);
    this.idle.get(playerId)?.clear();
    this.idle.delete(playerId);
    this.seating = null;
  }

  /** Who a connection acts as, or why it may not act. */
  actorOf(identity: Identity): Actor | ProtocolError {
    if (identity.kind === 'facilitator') return { kind: 'facilitator' };
    if (identity.kind === 'spectator') return { code: 'read-only' };
    const seat = this.seats().get(identity.playerId);
    if (!seat) return { code: 'no-seat' };
    return { kind: 'seat', role: seat.role, seat: seat.seat };
  }

  /** Whose view a connection gets: a player in the lobby sees what a spectator sees. */
  viewerOf(identity: Identity): Viewer {
    if (identity.kind === 'facilitator') return { kind: 'facilitator' };
    const seat = identity.kind === 'player' ? this.seats().get(identity.playerId) : undefined;
    return seat ? { kind: 'seat', role: seat.role, seat: seat.seat } : { kind: 'spectator' };
  }

  /** The `identity` message for a connection. */
  identityMessage(identity: Identity): ServerMessagePayloads['identity'] {
    if (identity.kind !== 'player') return { role: identity.kind, seatToken: null, seat: null, playerId: null };
    const player = this.player(identity.playerId);
    return {
      role: 'player',
      // The token is sent once, on the join that created it; a rejoin already holds it.
      seatToken: identity.newSeatToken,
      seat: seatRefOf(player),
      playerId: identity.playerId,
      name: player.name,
    };
  }

  /** The `presence` message: every player of the session, where they sit, who is connected. */
  presenceMessage(online: Set<string>): ServerMessagePayloads['presence'] {
    return { players: [...this.players.values()].map((p) => ({ id: p.id, name: p.name, seat: seatRefOf(p), online: online.has(p.id) })) };
  }

  /** A student's `chooseSeat`: the takeSeat to submit, or why not. Students take empty seats only. */
  chooseSeat(identity: Identity, seat: SeatRef, now: number): Submission | ProtocolError {
    if (identity.kind !== 'player') return { code: 'not-a-player' };
    if (!this.session.record.settings.studentsChooseSeats) {
      return { code: 'seat-choice-disabled' };
    }
    const player = this.player(identity.playerId);
    if (player.role !== null) return { code: 'already-seated', params: { reason: 'self' } };
    return this.seatProblem(seat, true, player) ?? this.takeSeat(player, seat, now);
  }

  /** The facilitator's `seatPlayer`: the takeSeat to submit, or why not. */
  seatPlayer(identity: Identity, playerId: string, seat: SeatRef, now: number): Submission | ProtocolError {
    if (identity.kind !== 'facilitator') return { code: 'facilitator-only' };
    const player = this.players.get(playerId);
    if (!player) return { code: 'unknown-player' };
    if (player.role !== null) {
      return { code: 'already-seated', params: { reason: 'player', player: player.id } };
    }
    return this.seatProblem(seat, false, player) ?? this.takeSeat(player, seat, now);
  }

  /**
   * The write that must commit with a client's action, if any: a seat the facilitator
   * reassigns (to a bot, a name, or nobody) sends the player who held it back to the lobby.
   */
  commitWith(action: Action): (() => void) | undefined {
    if (action.type !== 'assignSeat') return undefined;
    return () => {
      const holder = this.holderOf(action.seat);
      if (holder) this.setSeat(holder, null);
    };
  }

  /** Seats a player through the engine: a system `takeSeat` (so it is in the log), with the
   *  player's seat written in the same commit. */
  private takeSeat(player: PlayerRecord, seat: SeatRef, now: number): Submission {
    return {
      principal: player.id,
      actor: { kind: 'system' },
      action: { type: 'takeSeat', seat, name: player.name },
      clientId: null,
      now,
      inCommit: () => this.setSeat(player.id, seat),
    };
  }

  /** Writes where a player sits (inside the commit of the action that moves them). */
  private setSeat(playerId: string, seat: SeatRef | null): void {
    const player = this.players.get(playerId);
    if (player) {
      player.role = seat?.role ?? null;
      player.seat = seat?.seat ?? null;
    }
    this.session.writer.setPlayerSeat(playerId, seat);
    this.seating = null;
  }

  /** Where each seated player sits, by player id. */
  private seats(): Map<string, SeatRef> {
    if (this.seating) return this.seating;
    this.seating = new Map();
    for (const player of this.players.values()) {
      const seat = seatRefOf(player);
      if (seat) this.seating.set(player.id, seat);
    }
    return this.seating;
  }

  /** Why `seat` cannot be taken by `player`, or null. */
  private seatProblem(seat: SeatRef, mustBeEmpty: boolean, player: PlayerRecord): ProtocolError | null {
    const state = this.session.state.seats[`${seat.role}/${seat.seat}`];
    if (!state) return { code: 'unknown-seat', params: { role: seat.role, seat: seat.seat } };
    const holder = this.holderOf(seat);
    if (holder && holder !== player.id) return { code: 'seat-taken', params: { reason: 'player', player: holder } };
    if (mustBeEmpty && state.occupant) return { code: 'seat-taken', params: { reason: 'occupied' } };
    return null;
  }

  /** A player of this room's connections (onAuth added every one of them). */
  private player(playerId: string): PlayerRecord {
    const player = this.players.get(playerId);
    if (!player) throw new Error(`player ${playerId} of session ${this.session.id} is not in the lobby`);
    return player;
  }

  /** The player whose seat token has this hash. */
  private byTokenHash(tokenHash: string): PlayerRecord | undefined {
    for (const p of this.players.values()) if (p.tokenHash === tokenHash) return p;
    return undefined;
  }

  /** The id of the player who holds `seat`, if any. */
  private holderOf(seat: SeatRef): string | undefined {
    for (const [playerId, held] of this.seats()) if (held.role === seat.role && held.seat === seat.seat) return playerId;
    return undefined;
  }
}

function seatRefOf(player: PlayerRecord): SeatRef | null {
  return player.role && player.seat ? { role: player.role, seat: player.seat } : null;
}
