// The Colyseus room of one session (roomId = session id). Thin: its hooks hand each job to the
// part that does it, all in this folder:
//   lobby.ts       who a connection is (onAuth), the lobby's players, choosing and assigning seats
//   inbox.ts       the checks every client message passes (size, rate, type, schema)
//   sync.ts        replies and views after the group commit: per-role patches, identity, presence
//   phaseClock.ts  the deadline timer, and the pause after a restart past a deadline
// and ../bots.ts plays the bot seats. Every change goes through `submit`: session -> sync. Room
// state stays empty: secrets travel only inside per-client messages built by `viewFor`.
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { JoinRefusal } from '@shared/protocol/errors';
import type { JoinOptions } from '@shared/protocol/messages';
import type { Action, Actor } from '@shared/engine';
import type { SeatRef } from '@shared/protocol/actions';
import type { ActionResult, ProtocolError } from '@shared/protocol/serverMessages';
import { BotDriver } from '../bots';
import type { Timer } from '../clock';
import { HOSTED_ELSEWHERE } from '../lease';
import { ChatFloodGuards } from '../rateLimit';
import type { Services } from '../services';
import { GameSession, type Submission } from '../session';
import type { Connection, Identity } from './connection';
import { checkMessage } from './inbox';
import { Lobby } from './lobby';
import { PhaseClock } from './phaseClock';
import { Sync } from './sync';

/** Colyseus' own hard cap: a client past it is disconnected (the inbox answers errors far below it). */
const HARD_MESSAGES_PER_SECOND = 100;
/** Accepted actions after which seats may have changed hands: players get their identity again. */
const SEATING_ACTIONS: ReadonlySet<Action['type']> = new Set(['takeSeat', 'assignSeat']);

export interface CreateOptions {
  sessionId: string;
  /** Where a new session's room opens (server/sessions.ts `pickProcess`: the fewest rooms); a stored
   *  session reopened by a join opens on the process that join reached. */
  processId?: string;
}

export function createSessionRoom(services: Services) {
  const { store, config, clock } = services;

  return class SessionRoom extends Room {
    override autoDispose = false;
    override maxMessagesPerSecond = HARD_MESSAGES_PER_SECOND;

    session!: GameSession;
    private lobby!: Lobby;
    private sync!: Sync;
    private phaseClock: PhaseClock | null = null;
    private bots: BotDriver | null = null;
    private floodGuards = new ChatFloodGuards();
    private idleTimer: Timer | undefined;

    override async onCreate(options: CreateOptions) {
      // Only the server asks for rooms (clients can only joinById: http.ts); a room is opened for a
      // stored session, by the process that holds its lease.
      const sessionId = String(options?.sessionId ?? '');
      if (!(await store.getSession(sessionId))) throw new ServerError(404, 'unknownSession' satisfies JoinRefusal);
      if (!(await services.leases.acquire(sessionId))) throw new ServerError(HOSTED_ELSEWHERE, `session ${sessionId} is hosted by another room`);
      let opened;
      try {
        opened = await GameSession.open(store, sessionId);
        if (!opened) throw new ServerError(404, 'unknownSession' satisfies JoinRefusal);
      } catch (error) {
        await services.leases.release(sessionId);
        throw error;
      }
      const { session, players } = opened;
      this.session = session;
      this.roomId = session.id;
      services.sessions.set(session.id, session);
      this.lobby = new Lobby(
        services,
        session,
        {
          closePlayer: (playerId, reason) => this.sync.closePlayer(playerId, reason),
          playersChanged: () => this.sync.playersChanged(),
        },
        players,
      );
      this.sync = new Sync(session, this.lobby, clock);
      // Not matchable by room name: joining needs the session id (from a join code) or its key.
      await this.setPrivate(true);
      this.onMessage('*', (client: Client, type: string | number, message: unknown) => this.onClientMessage(client, type, message));
      this.phaseClock = new PhaseClock(this.session, clock, (action) => this.submit({ principal: 'system', actor: { kind: 'system' }, action, clientId: null, now: clock.now() }));
      this.phaseClock.start();
      // Bots are in the engine state: a restored session's bots play on.
      this.bots = new BotDriver(this, clock, config.botPaceMs);
      this.bots.start();
      this.closeWhenIdle(true);
    }

    override async onDispose() {
      this.phaseClock?.stop();
      this.bots?.stop();
      this.lobby?.stop();
      this.closeWhenIdle(false);
      // onCreate may have refused the room before there was a session.
      if (!this.session) return;
      services.sessions.delete(this.session.id);
      // The lease goes only once everything is durable: the next owner reads all of it.
      await this.session.checkpoint();
      await services.leases.release(this.session.id);
    }

    /** A room nobody is in closes after IDLE_ROOM_SECONDS: its session stays in the store and
     *  opens again at the next join (on whichever process that join reaches). */
    private closeWhenIdle(idle: boolean) {
      this.idleTimer?.clear();
      this.idleTimer = undefined;
      if (idle && this.clients.length === 0) this.idleTimer = clock.setTimeout(() => void this.disconnect(), config.idleRoomSeconds * 1000);
    }

    override onAuth(_client: Client, options: unknown, context: AuthContext): Promise<Identity> {
      return this.lobby.authenticate(options, context.ip ?? 'unknown');
    }

    override onJoin(client: Client, options: JoinOptions, identity: Identity) {
      // The options passed onAuth's check (JoinOptions).
      this.sync.join(client, identity, clock.now(), options.language);
      this.closeWhenIdle(false);
    }

    override onDrop(client: Client) {
      this.sync.drop(client);
      // A client that drops before its join has finished (or while the room closes) cannot come
      // back: Colyseus answers with a rejected promise, which unhandled would stop the server.
      // Colyseus then calls onLeave as for any drop without a reconnection.
      this.allowReconnection(client, config.reconnectSeconds).catch(() => undefined);
    }

    override onReconnect(client: Client) {
      this.sync.reconnect(client);
    }

    override onLeave(client: Client) {
      this.sync.leave(client);
      this.closeWhenIdle(true);
    }

    private onClientMessage(client: Client, type: string | number, message: unknown) {
      const conn = this.sync.connection(client);
      if (!conn) return;
      const now = clock.now();
      const checked = checkMessage(conn, type, message, now);
      if ('error' in checked) return this.sync.refuse(conn, checked.error, checked.id);
      switch (checked.type) {
        case 'action':
          return this.onAction(conn, checked.id, checked.action, now);
        case 'chooseSeat':
          return this.seat(conn, this.lobby.chooseSeat(conn.identity, checked.seat, now));
        case 'seatPlayer':
          return this.seat(conn, this.lobby.seatPlayer(conn.identity, checked.player, checked.seat, now));
        case 'revokeToken': {
          const refusal = this.lobby.revokeToken(conn.identity, checked.player);
          return refusal ? this.sync.refuse(conn, refusal) : undefined;
        }
        case 'setLanguage':
          return this.sync.setLanguage(conn, checked.language);
      }
    }

    private onAction(conn: Connection, id: string, action: Action, now: number) {
      const submission: Submission = {
        principal: conn.principal,
        actor: () => this.admit(conn, action, now),
        action,
        clientId: id,
        now,
        inCommit: this.lobby.commitWith(action),
      };
      this.submit(submission, (result) => this.sync.reply(conn, id, result));
    }

    /** Who a client acts as, if it may act now: seated (or the facilitator), within the chat
     *  flood rule. Asked only for an action id the session has not answered before. */
    private admit(conn: Connection, action: Action, now: number): Actor | ProtocolError {
      const actor = this.lobby.actorOf(conn.identity);
      if ('code' in actor || action.type !== 'chat') return actor;
      const verdict = this.floodGuards.check(conn.principal, action.text, now);
      return verdict.ok ? actor : { code: verdict.code };
    }

    private seat(requester: Connection, seating: Submission | ProtocolError) {
      if ('code' in seating) return this.sync.refuse(requester, seating);
      this.submit(seating, (result) => {
        if (!result.ok) this.sync.refuse(requester, result.error);
      });
    }

    /**
     * The bot driver's seam: submit an action as a seat, not through a connection (find the room
     * with `matchMaker.getLocalRoomById(sessionId)`; read the bot's view with
     * `room.session.view(seat)`, hear of changes with `room.session.subscribe`). Same pipeline:
     * engine, log, views; `clientId` makes a bot's retry idempotent too.
     */
    submitAsSeat(seat: SeatRef, action: Action, clientId: string | null = null): ActionResult {
      return this.submit({ principal: `bot:${seat.role}/${seat.seat}`, actor: { kind: 'seat', role: seat.role, seat: seat.seat }, action, clientId, now: clock.now() });
    }

    /** Every change to the game goes through here: the session applies it (or answers a resent
     *  id), then the reply and everyone's views go out once it is on disk. */
    private submit(submission: Submission, reply?: (result: ActionResult) => void): ActionResult {
      const result = this.session.submit(submission);
      if (reply || result.ok) {
        this.sync.whenDurable(reply ? () => reply(result) : null, result.ok && SEATING_ACTIONS.has(submission.action.type));
      }
      return result;
    }
  };
}
