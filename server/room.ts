// The Colyseus room of one session (roomId = session id). Thin: it knows who each connection is,
// checks every message (size, rate, schema, flood), hands actions to the GameSession, and sends
// each client its own view (full on join, JSON Patch after). Room state stays empty: secrets
// travel only inside per-client messages built by `viewFor`.
import { getMessageBytes, Protocol, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { Operation } from 'fast-json-patch';
import type { ZodError } from 'zod';
import { publicScenario, type Action, type Actor, type GameView, type Viewer } from '../shared/engine';
import type { SeatRef } from '../shared/protocol/actions';
import { ClientMessages, JoinOptions, MAX_MESSAGE_BYTES, SERVER_MESSAGES, type ClientMessageType } from '../shared/protocol/messages';
import { BotDriver } from './bots';
import { ChatFloodGuard, TokenBucket } from './rateLimit';
import { hashSecret, normaliseJoinCode, randomToken, secretMatches } from './secrets';
import type { Services } from './services';
import { GameSession, viewerKey, type Outcome } from './session';
import type { PlayerRecord } from './store';
import { diffViews } from './viewDiff';

/** Per connection: a burst of 20 messages, then 5 per second. */
const BUCKET = { capacity: 20, perSecond: 5 } as const;
/** Colyseus' own hard cap: a client past it is disconnected (our bucket answers errors far below it). */
const HARD_MESSAGES_PER_SECOND = 100;
/** Lobby identities one session may hold (a join code must not let anyone fill the disk). */
const MAX_PLAYERS_PER_SESSION = 300;
/** setTimeout cannot wait longer than this; a longer deadline is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Identity =
  | { kind: 'facilitator' }
  | { kind: 'spectator' }
  | { kind: 'player'; playerId: string; newSeatToken: string | null };

interface Connection {
  client: Client;
  identity: Identity;
  /** Stable across reconnects and devices: the idempotency and flood scope. */
  principal: string;
  bucket: TokenBucket;
  connected: boolean;
  /** The last view this connection was sent (patches are computed against it). */
  lastView: GameView | null;
}

export interface CreateOptions {
  sessionId: string;
  internalKey: string;
}

export type ProtocolError = { code: string; message: string };

export function createSessionRoom(services: Services) {
  const { store, config } = services;

  return class SessionRoom extends Room {
    override autoDispose = false;
    override maxMessagesPerSecond = HARD_MESSAGES_PER_SECOND;

    session!: GameSession;
    private connections = new Map<string, Connection>();
    /** Lobby players of this session by id, mirrored from the store. */
    private players = new Map<string, PlayerRecord>();
    private floodGuards = new Map<string, ChatFloodGuard>();
    private deadlineTimer: NodeJS.Timeout | null = null;
    /** Replies and view updates waiting for the store's group commit (see `whenDurable`). */
    private outbox: { replies: (() => void)[]; changed: boolean; seatingChanged: boolean } | null = null;
    private bots: BotDriver | null = null;

    override async onCreate(options: CreateOptions) {
      if (options?.internalKey !== services.internalKey) throw new ServerError(403, 'sessions are created through POST /api/sessions');
      const record = store.getSession(options.sessionId);
      if (!record) throw new ServerError(404, `no session ${options.sessionId}`);
      this.roomId = record.id;
      this.session = services.sessions.get(record.id) ?? GameSession.restore(store, record);
      services.sessions.set(record.id, this.session);
      for (const p of store.players(record.id)) this.players.set(p.id, p);
      // Not matchable by room name: joining needs the session id (from a join code) or its key.
      await this.setPrivate(true);
      this.onMessage('*', (client: Client, type: string | number, message: unknown) => this.onClientMessage(client, type, message));
      this.resumeClock(true);
      // Bots are in the engine state: a restored session's bots play on.
      this.bots = new BotDriver(this, this.clock, config.botPaceMs);
      this.bots.start();
    }

    override onDispose() {
      if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
      this.bots?.stop();
      this.session.checkpoint();
      services.sessions.delete(this.session.id);
    }

    // --- joining ----------------------------------------------------------------------------------

    override onAuth(_client: Client, rawOptions: unknown, context: AuthContext): Identity {
      const ip = context.ip ?? 'unknown';
      const now = Date.now();
      if (services.joinFailures.blocked(ip, now)) throw new ServerError(429, 'Too many failed attempts. Wait a few minutes.');
      const parsed = JoinOptions.safeParse(rawOptions);
      if (!parsed.success) throw new ServerError(400, `invalid join options: ${describe(parsed.error)}`);
      const options = parsed.data;
      const record = this.session.record;

      if (options.as === 'facilitator') {
        if (!secretMatches(options.facilitatorKey, record.facilitatorKeyHash)) {
          services.joinFailures.fail(ip, now);
          throw new ServerError(401, 'wrong facilitator key');
        }
        return { kind: 'facilitator' };
      }
      if (normaliseJoinCode(options.joinCode) !== record.joinCode) {
        services.joinFailures.fail(ip, now);
        throw new ServerError(401, 'wrong join code');
      }
      if (options.as === 'spectator') return { kind: 'spectator' };

      const known = options.seatToken ? store.playerByTokenHash(record.id, hashSecret(options.seatToken)) : null;
      if (known) {
        if (known.name !== options.name) {
          store.setPlayerName(record.id, known.id, options.name);
          known.name = options.name;
        }
        this.players.set(known.id, known);
        return { kind: 'player', playerId: known.id, newSeatToken: null };
      }
      if (this.players.size >= MAX_PLAYERS_PER_SESSION) throw new ServerError(403, 'This session is full.');
      const seatToken = randomToken(32);
      const player: PlayerRecord = { id: randomToken(9), name: options.name, tokenHash: hashSecret(seatToken), role: null, seat: null };
      store.addPlayer(record.id, player, now);
      this.players.set(player.id, player);
      return { kind: 'player', playerId: player.id, newSeatToken: seatToken };
    }

    override onJoin(client: Client, _options: unknown, identity: Identity) {
      const principal = identity.kind === 'player' ? identity.playerId : identity.kind;
      this.connections.set(client.sessionId, {
        client,
        identity,
        principal,
        bucket: new TokenBucket(BUCKET.capacity, BUCKET.perSecond, Date.now()),
        connected: true,
        lastView: null,
      });
      const conn = this.connections.get(client.sessionId)!;
      // The identity carries a seat token just stored: sent once it is on disk.
      this.whenDurable(() => {
        this.sendIdentity(conn);
        this.sendFullView(conn);
        this.broadcastPresence();
      });
    }

    override onDrop(client: Client) {
      const conn = this.connections.get(client.sessionId);
      if (conn) conn.connected = false;
      this.broadcastPresence();
      this.allowReconnection(client, config.reconnectSeconds);
    }

    override onReconnect(client: Client) {
      const conn = this.connections.get(client.sessionId);
      if (!conn) return;
      conn.client = client;
      conn.connected = true;
      // Patches were not sent while away: start again from a full view.
      this.whenDurable(() => {
        this.sendIdentity(conn);
        this.sendFullView(conn);
        this.broadcastPresence();
      });
    }

    override onLeave(client: Client) {
      this.connections.delete(client.sessionId);
      this.broadcastPresence();
    }

    // --- messages ---------------------------------------------------------------------------------

    private onClientMessage(client: Client, type: string | number, message: unknown) {
      const conn = this.connections.get(client.sessionId);
      if (!conn) return;
      const now = Date.now();
      const id = actionIdOf(message);

      let size: number;
      try {
        size = Buffer.byteLength(JSON.stringify(message ?? null), 'utf8');
      } catch {
        return this.sendError(conn, { code: 'invalid-message', message: 'The message is not JSON data.' }, id);
      }
      if (size > MAX_MESSAGE_BYTES) {
        return this.sendError(conn, { code: 'too-large', message: `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.` }, id);
      }
      if (!conn.bucket.take(now)) {
        return this.sendError(conn, { code: 'rate-limited', message: 'Too many messages. Slow down a little.' }, id);
      }
      if (typeof type !== 'string' || !Object.hasOwn(ClientMessages, type)) {
        return this.sendError(conn, { code: 'unknown-type', message: `Unknown message type "${String(type).slice(0, 40)}".` }, id);
      }
      const messageType = type as ClientMessageType;
      const parsed = ClientMessages[messageType].safeParse(message);
      if (!parsed.success) {
        return this.sendError(conn, { code: 'invalid-message', message: describe(parsed.error) }, id);
      }
      switch (messageType) {
        case 'action': {
          const m = parsed.data as { id: string; action: Action };
          return this.onAction(conn, m.id, m.action, now);
        }
        case 'chooseSeat':
          return this.onChooseSeat(conn, (parsed.data as { seat: SeatRef }).seat, now);
        case 'seatPlayer': {
          const m = parsed.data as { player: string; seat: SeatRef };
          return this.onSeatPlayer(conn, m.player, m.seat, now);
        }
      }
    }

    private onAction(conn: Connection, id: string, action: Action, now: number) {
      const previous = this.session.previousResult(conn.principal, id);
      if (previous) return this.whenDurable(() => conn.client.send(SERVER_MESSAGES.result, previous));

      const actor = this.actorOf(conn);
      if ('error' in actor) return conn.client.send(SERVER_MESSAGES.result, { id, ok: false, error: actor.error });
      if (action.type === 'chat') {
        const verdict = this.floodGuard(conn.principal).check(action.text, now);
        if (!verdict.ok) return conn.client.send(SERVER_MESSAGES.result, { id, ok: false, error: { code: verdict.code, message: verdict.message } });
      }
      const outcome = this.session.submit({
        principal: conn.principal,
        actor,
        action,
        clientId: id,
        now,
        inCommit: action.type === 'assignSeat' ? () => this.unbindSeat(action.seat) : undefined,
      });
      this.whenDurable(() => conn.client.send(SERVER_MESSAGES.result, { id, ...outcome }), outcome.ok, action.type === 'assignSeat');
    }

    /**
     * The bot driver's seam: submit an action as a seat, not through a connection (find the room
     * with `matchMaker.getLocalRoomById(sessionId)`; read the bot's view with
     * `room.session.view(seat)`, hear of changes with `room.session.subscribe`). Same pipeline:
     * engine, log, views; `clientId` makes a bot's retry idempotent too.
     */
    submitAsSeat(seat: SeatRef, action: Action, clientId: string | null = null): Outcome {
      const outcome = this.session.submit({
        principal: `bot:${seat.role}/${seat.seat}`,
        actor: { kind: 'seat', role: seat.role, seat: seat.seat },
        action,
        clientId,
        now: Date.now(),
      });
      if (outcome.ok) this.whenDurable(null, true);
      return outcome;
    }

    private onChooseSeat(conn: Connection, seat: SeatRef, now: number) {
      if (conn.identity.kind !== 'player') return this.sendError(conn, { code: 'not-a-player', message: 'Only players choose a seat.' });
      if (!this.session.record.settings.studentsChooseSeats) {
        return this.sendError(conn, { code: 'seat-choice-disabled', message: 'The facilitator assigns seats in this session.' });
      }
      const player = this.players.get(conn.identity.playerId)!;
      if (player.role !== null) return this.sendError(conn, { code: 'already-seated', message: 'You already have a seat. Ask the facilitator to move you.' });
      const problem = this.seatProblem(seat, true);
      if (problem) return this.sendError(conn, problem);
      this.seat(player, seat, now, conn);
    }

    private onSeatPlayer(conn: Connection, playerId: string, seat: SeatRef, now: number) {
      if (conn.identity.kind !== 'facilitator') return this.sendError(conn, { code: 'facilitator-only', message: 'Only the facilitator seats players.' });
      const player = this.players.get(playerId);
      if (!player) return this.sendError(conn, { code: 'unknown-player', message: 'No such player in this session.' });
      if (player.role !== null) {
        return this.sendError(conn, { code: 'already-seated', message: `${player.name} already has a seat: free it first (assignSeat with no occupant).` });
      }
      const problem = this.seatProblem(seat, false, player.id);
      if (problem) return this.sendError(conn, problem);
      this.seat(player, seat, now, conn);
    }

    /** Why `seat` cannot be taken, or null. Students may only take empty seats. */
    private seatProblem(seat: SeatRef, mustBeEmpty: boolean, playerId?: string): ProtocolError | null {
      const state = this.session.state.seats[`${seat.role}/${seat.seat}`];
      if (!state) return { code: 'unknown-seat', message: `There is no seat ${seat.role}/${seat.seat}.` };
      const holder = this.holderOf(seat);
      if (holder && holder.id !== playerId) return { code: 'seat-taken', message: `${holder.name} already sits there.` };
      if (mustBeEmpty && state.occupant) return { code: 'seat-taken', message: 'That seat is taken.' };
      return null;
    }

    /** Seats a player through the engine (a system `takeSeat`, so it is in the log). */
    private seat(player: PlayerRecord, seat: SeatRef, now: number, requester: Connection) {
      const outcome = this.session.submit({
        principal: player.id,
        actor: { kind: 'system' },
        action: { type: 'takeSeat', seat, name: player.name },
        clientId: null,
        now,
        inCommit: () => store.setPlayerSeat(this.session.id, player.id, seat),
      });
      if (!outcome.ok) return this.sendError(requester, outcome.error);
      player.role = seat.role;
      player.seat = seat.seat;
      this.whenDurable(null, true, true);
    }

    private holderOf(seat: SeatRef): PlayerRecord | undefined {
      return [...this.players.values()].find((p) => p.role === seat.role && p.seat === seat.seat);
    }

    /** The facilitator reassigned a seat: whoever held it goes back to the lobby. */
    private unbindSeat(seat: SeatRef) {
      const holder = this.holderOf(seat);
      if (!holder) return;
      store.setPlayerSeat(this.session.id, holder.id, null);
      holder.role = null;
      holder.seat = null;
    }

    private actorOf(conn: Connection): Actor | { error: ProtocolError } {
      const identity = conn.identity;
      if (identity.kind === 'facilitator') return { kind: 'facilitator' };
      if (identity.kind === 'spectator') return { error: { code: 'read-only', message: 'Spectators cannot act.' } };
      const player = this.players.get(identity.playerId);
      if (!player?.role || !player.seat) return { error: { code: 'no-seat', message: 'Take a seat before you act.' } };
      return { kind: 'seat', role: player.role, seat: player.seat };
    }

    private floodGuard(principal: string): ChatFloodGuard {
      let guard = this.floodGuards.get(principal);
      if (!guard) this.floodGuards.set(principal, (guard = new ChatFloodGuard()));
      return guard;
    }

    // --- sending ----------------------------------------------------------------------------------

    private viewerOf(conn: Connection): Viewer {
      const identity = conn.identity;
      if (identity.kind === 'facilitator') return { kind: 'facilitator' };
      if (identity.kind === 'player') {
        const player = this.players.get(identity.playerId);
        if (player?.role && player.seat) return { kind: 'seat', role: player.role, seat: player.seat };
      }
      return { kind: 'spectator' };
    }

    private sendFullView(conn: Connection) {
      const view = this.session.view(this.viewerOf(conn));
      conn.lastView = view;
      // The session's own scenario (public parts), as it was when the session was created.
      conn.client.send(SERVER_MESSAGES.view, { seq: view.seq, view, scenario: publicScenario(this.session.scenario) });
    }

    private sendIdentity(conn: Connection) {
      if (conn.identity.kind !== 'player') {
        conn.client.send(SERVER_MESSAGES.identity, { role: conn.identity.kind, seatToken: null, seat: null, playerId: null });
        return;
      }
      const player = this.players.get(conn.identity.playerId)!;
      conn.client.send(SERVER_MESSAGES.identity, {
        role: 'player',
        // The token is sent once, on the join that created it; a rejoin already holds it.
        seatToken: conn.identity.newSeatToken,
        seat: player.role && player.seat ? { role: player.role, seat: player.seat } : null,
        playerId: player.id,
        name: player.name,
      });
    }

    /**
     * Queues a reply and/or a view update until the store's group commit is on disk, so no client
     * hears of a move that a crash could still lose. Everything queued in one turn goes out
     * together: the replies, then one patch per client (covering every move of the turn).
     */
    private whenDurable(reply: (() => void) | null, changed = false, seatingChanged = false) {
      const first = this.outbox === null;
      const box = (this.outbox ??= { replies: [], changed: false, seatingChanged: false });
      if (reply) box.replies.push(reply);
      box.changed ||= changed;
      box.seatingChanged ||= seatingChanged;
      if (first) store.afterCommit(() => this.flushOutbox());
    }

    private flushOutbox() {
      const box = this.outbox;
      this.outbox = null;
      if (!box) return;
      for (const reply of box.replies) reply();
      if (box.changed) this.afterChange(box.seatingChanged);
    }

    /** After an accepted change: every connected client gets a patch from its last view. */
    private afterChange(seatingChanged: boolean) {
      const patches = new Map<GameView, Map<GameView, Buffer>>();
      for (const conn of this.connections.values()) {
        if (!conn.connected) continue;
        if (seatingChanged && conn.identity.kind === 'player') this.sendIdentity(conn);
        const view = this.session.view(this.viewerOf(conn));
        const last = conn.lastView;
        if (last === view) continue;
        if (!last || viewerKey(last.viewer) !== viewerKey(view.viewer)) {
          // A new viewer (just seated, or back to the lobby): a patch across viewers is pointless.
          this.sendFullView(conn);
          continue;
        }
        // Computed once per role, facilitator and spectators (the seats' views are copies).
        const [from, to] = [GameSession.baseOf(last), GameSession.baseOf(view)];
        let byNext = patches.get(from);
        if (!byNext) patches.set(from, (byNext = new Map()));
        // Encoded once too: the same bytes go to every client of that role.
        let message = byNext.get(to);
        if (!message) byNext.set(to, (message = patchMessage(view.seq, diffViews(from, to))));
        conn.lastView = view;
        conn.client.enqueueRaw(message);
      }
      if (seatingChanged) this.broadcastPresence();
      this.resumeClock();
    }

    private broadcastPresence() {
      const online = new Set<string>();
      for (const c of this.connections.values()) if (c.connected && c.identity.kind === 'player') online.add(c.identity.playerId);
      const players = [...this.players.values()].map((p) => ({
        id: p.id,
        name: p.name,
        seat: p.role && p.seat ? { role: p.role, seat: p.seat } : null,
        online: online.has(p.id),
      }));
      for (const c of this.connections.values()) if (c.connected) c.client.send(SERVER_MESSAGES.presence, { players });
    }

    private sendError(conn: Connection, error: ProtocolError, id?: string) {
      if (id) conn.client.send(SERVER_MESSAGES.result, { id, ok: false, error });
      else conn.client.send(SERVER_MESSAGES.error, error);
    }

    // --- the phase clock --------------------------------------------------------------------------

    /**
     * Arms the timer for the current phase deadline (absolute server time, so it survives a
     * restart). A deadline that passed while the server was down pauses the game instead.
     */
    private resumeClock(atStartup = false) {
      if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
      this.deadlineTimer = null;
      const state = this.session.state;
      const deadline = state.clock.deadline;
      if (state.status !== 'running' || deadline === null) return;
      const wait = deadline - Date.now();
      if (atStartup && wait < 0) {
        this.submitSystem({ type: 'pauseForRecovery' });
        return;
      }
      this.deadlineTimer = setTimeout(() => this.onDeadline(state.round, state.phaseIndex, deadline), Math.max(0, Math.min(wait, MAX_TIMER_MS)));
    }

    private onDeadline(round: number, phase: number, deadline: number) {
      this.deadlineTimer = null;
      if (Date.now() < deadline) return this.resumeClock();
      this.submitSystem({ type: 'deadlineReached', round, phase });
    }

    private submitSystem(action: Action) {
      const outcome = this.session.submit({ principal: 'system', actor: { kind: 'system' }, action, clientId: null, now: Date.now() });
      // A stale tick (the phase already moved on) is rejected by the engine: nothing to do, and
      // no re-arming, so a rejected or quarantined tick can never spin.
      if (outcome.ok) this.whenDurable(null, true);
      else console.warn(`session ${this.session.id}: ${action.type} not applied (${outcome.error.code}: ${outcome.error.message})`);
    }
  };
}

/** A `patch` message as Colyseus frames `client.send(SERVER_MESSAGES.patch, …)`. */
function patchMessage(seq: number, ops: Operation[]): Buffer {
  return getMessageBytes.raw(Protocol.ROOM_DATA, SERVER_MESSAGES.patch, { seq, ops });
}

function actionIdOf(message: unknown): string | undefined {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length >= 8 && id.length <= 64 ? id : undefined;
}

function describe(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
