// One live connection to a session room. It keeps the GameView up to date from `view` and
// `patch` messages, sends actions through an outbox (resent after every reconnect, applied at
// most once thanks to their ids), and reconnects by itself: first through the SDK's own
// reconnection, then, if the room dropped us for good, by joining again with the seat token.
// Every server message is checked against its schema (shared/protocol/serverMessages.ts) first.
import { Client, type Room } from '@colyseus/sdk';
import { applyPatch, type Operation } from 'fast-json-patch';
import type { GameView, PublicScenario } from '@shared/engine/view';
import type { SeatRef } from '@shared/protocol/actions';
import { JOIN_REFUSALS, type ErrorCode, type ErrorParams } from '@shared/protocol/errors';
import type { JoinOptions } from '@shared/protocol/messages';
import {
  ServerMessages,
  type ActionResult,
  type DisplacedReason,
  type Identity,
  type PresencePlayer,
  type ServerMessagePayloads,
  type ServerMessageType,
} from '@shared/protocol/serverMessages';
import { currentLanguage, onLanguageChange } from '../i18n';
import { Outbox, type ClientAction, type OutboxEntry } from './outbox';
import { learnServerTime } from './serverClock';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** Problems the client finds itself: the server is out of reach, it refused the join (its reason
 *  a code in params.reason, one of JOIN_REFUSALS), or it sent a message this page cannot read (a
 *  page older than the server). */
export type ClientErrorCode = 'network' | 'join-refused' | 'protocol-mismatch';

/** A problem to show: a code and its details (`ErrorParams`), worded by the catalogue (errorText). */
export interface ConnectionError {
  code: ErrorCode | ClientErrorCode;
  params?: ErrorParams;
}

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  view: GameView | null;
  /** The session's scenario (public parts), sent with every full view. */
  scenario: PublicScenario | null;
  identity: Identity | null;
  presence: PresencePlayer[];
  /** Actions sent or waiting to be sent, not yet answered. */
  pending: readonly OutboxEntry[];
  /** Answers to this client's actions, by action id (the most recent ones). */
  results: Record<string, ActionResult>;
  /** The last problem not tied to an action (bad message, throttled, could not join). */
  error: ConnectionError | null;
  /** Set when the server stopped this connection acting for its player: the seat token joined
   *  from another device (`elsewhere`) or the facilitator revoked it. No retries until `rejoin`. */
  displaced: DisplacedReason | null;
}

export interface ConnectionOptions {
  sessionId: string;
  /** Called before every (re)join, so a seat token learnt meanwhile is used. */
  joinOptions: () => JoinOptions;
  /** Where the outbox lives in sessionStorage (one per session and identity). */
  outboxKey: string;
  onIdentity?: (identity: Identity) => void;
  endpoint?: string;
}

const MAX_RESULTS = 100;
/** Waits between attempts to reach the server (ms): quick at first, then every 8 s. */
export const RETRY_DELAYS = [500, 1000, 2000, 4000, 8000];

export class SessionConnection {
  private client: Client;
  private room: Room | null = null;
  private outbox: Outbox;
  private listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private closed = false;
  private snapshot: ConnectionSnapshot;
  /** The reader switched language: the server sends views (and the scenario) in it from now on. */
  private stopLanguage = onLanguageChange((language) => this.room?.send('setLanguage', { language }));

  constructor(private readonly options: ConnectionOptions) {
    this.client = new Client(options.endpoint ?? window.location.origin);
    this.outbox = new Outbox(options.outboxKey);
    this.snapshot = {
      status: 'connecting',
      view: null,
      scenario: null,
      identity: null,
      presence: [],
      pending: this.outbox.list(),
      results: {},
      error: null,
      displaced: null,
    };
    window.addEventListener('online', this.retryNow);
    void this.join();
  }

  // --- React glue (useSyncExternalStore) --------------------------------------------------------

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private update(patch: Partial<ConnectionSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  // --- Sending ----------------------------------------------------------------------------------

  /** Queues a game move and sends it now if connected. Returns its id, to find its result. */
  submit(action: ClientAction): string {
    const entry = this.outbox.add(action);
    this.update({ pending: this.outbox.list() });
    if (this.snapshot.status === 'connected') this.sendEntry(entry);
    return entry.id;
  }

  chooseSeat(seat: SeatRef) {
    this.room?.send('chooseSeat', { seat });
  }

  seatPlayer(player: string, seat: SeatRef) {
    this.room?.send('seatPlayer', { player, seat });
  }

  /** The facilitator revokes a player's seat token (they re-join by code, and are re-seated). */
  revokeToken(player: string) {
    this.room?.send('revokeToken', { player });
  }

  /** After `displaced`: joins again on this device (with the seat token, which takes the seat
   *  back from the other device; a revoked token gets a new lobby place). */
  rejoin() {
    if (!this.snapshot.displaced || this.closed) return;
    this.update({ displaced: null, error: null });
    void this.join();
  }

  private sendEntry(entry: OutboxEntry) {
    try {
      this.room?.send('action', { id: entry.id, action: entry.action });
    } catch {
      // The socket closed under us: the entry stays in the outbox and goes out after reconnect.
    }
  }

  private flushOutbox() {
    for (const entry of this.outbox.list()) this.sendEntry(entry);
  }

  // --- Joining and reconnecting -----------------------------------------------------------------

  private async join() {
    if (this.closed) return;
    this.update({ status: this.snapshot.view ? 'reconnecting' : 'connecting' });
    try {
      const options: JoinOptions = { ...this.options.joinOptions(), language: currentLanguage() };
      const room = await this.client.joinById(this.options.sessionId, options);
      if (this.closed) {
        void room.leave(true);
        return;
      }
      this.attach(room);
      this.attempts = 0;
      this.update({ status: 'connected', error: null });
      this.flushOutbox();
    } catch (error) {
      const refusal = describeJoinError(error);
      // A refusal (bad code, bad key) will not go away by retrying; a network problem will.
      if (refusal.code !== 'network' && this.snapshot.view === null && this.attempts >= 1) {
        this.update({ status: 'failed', error: refusal });
        return;
      }
      this.update({ error: refusal });
      this.scheduleRetry();
    }
  }

  private attach(room: Room) {
    this.room = room;
    this.on(room, 'view', ({ view, scenario, serverTime }) => {
      if (serverTime !== undefined) learnServerTime(serverTime);
      this.update({ view, scenario: scenario ?? this.snapshot.scenario });
    });
    this.on(room, 'patch', ({ ops, serverTime }) => {
      if (serverTime !== undefined) learnServerTime(serverTime);
      this.applyViewPatch(ops as Operation[]);
    });
    this.on(room, 'result', (result) => this.settle(result));
    this.on(room, 'error', (error) => this.update({ error }));
    this.on(room, 'identity', (identity) => {
      this.update({ identity });
      this.options.onIdentity?.(identity);
    });
    this.on(room, 'presence', ({ players }) => this.update({ presence: players }));
    // The server closes the socket next; retrying would take the seat back from the other device.
    this.on(room, 'displaced', ({ reason }) => this.update({ displaced: reason, status: 'closed' }));
    room.onDrop(() => this.update({ status: 'reconnecting' }));
    room.onReconnect(() => {
      this.update({ status: 'connected', error: null });
      this.flushOutbox();
    });
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.room = null;
      if (this.closed || this.snapshot.displaced) return;
      // 1000: the server closed the room on purpose (session deleted); anything else is a drop
      // the SDK could not recover: join again with our seat token.
      if (code === 1000) this.update({ status: 'closed' });
      else this.scheduleRetry();
    });
  }

  /**
   * Hands `type` messages that match their schema to `handle`. One that does not means this page
   * and the server disagree on the protocol (usually a page loaded before a server update): it is
   * dropped with a console error, the student is asked to reload, and a dropped patch (after which
   * our copy of the view would be behind) is replaced by a full view through a resync.
   */
  private on<K extends ServerMessageType>(room: Room, type: K, handle: (payload: ServerMessagePayloads[K]) => void) {
    room.onMessage(type, (payload: unknown) => {
      const parsed = ServerMessages[type].safeParse(payload);
      if (parsed.success) return handle(parsed.data as ServerMessagePayloads[K]);
      const problems = parsed.error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
      console.error(`Spacebridge: dropped a "${type}" message that does not match the protocol (${problems.join('; ')})`, payload);
      this.update({ error: { code: 'protocol-mismatch', params: { type } } });
      if (type === 'patch') this.resync();
    });
  }

  private applyViewPatch(ops: Operation[]) {
    const view = this.snapshot.view;
    if (!view) return;
    try {
      const next = applyPatch(view, ops, false, false).newDocument;
      this.update({ view: next });
    } catch {
      // Our copy diverged from the server's: rejoining brings a fresh full view.
      this.resync();
    }
  }

  private resync() {
    const room = this.room;
    this.room = null;
    void room?.leave(true);
    this.scheduleRetry(0);
  }

  private settle({ id, ...result }: ServerMessagePayloads['result']) {
    this.outbox.settle(id);
    const ids = Object.keys(this.snapshot.results);
    const kept = ids.length >= MAX_RESULTS ? Object.fromEntries(ids.slice(-MAX_RESULTS / 2).map((id) => [id, this.snapshot.results[id]])) : this.snapshot.results;
    this.update({ pending: this.outbox.list(), results: { ...kept, [id]: result } });
  }

  private scheduleRetry(delay = RETRY_DELAYS[Math.min(this.attempts, RETRY_DELAYS.length - 1)]) {
    if (this.closed || this.retryTimer) return;
    this.attempts += 1;
    this.update({ status: this.snapshot.view ? 'reconnecting' : 'connecting' });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.join();
    }, delay);
  }

  private retryNow = () => {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      void this.join();
    }
  };

  close() {
    this.closed = true;
    this.stopLanguage();
    window.removeEventListener('online', this.retryNow);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    void this.room?.leave(true);
    this.room = null;
  }
}

function describeJoinError(error: unknown): ConnectionError {
  const e = error as { code?: number | string; message?: string } | undefined;
  const message = e?.message ?? String(error);
  // The SDK reports an unreachable server as a failed fetch / closed socket without a code.
  if (e?.code === undefined || /fetch|network|socket|ECONN/i.test(message)) return { code: 'network' };
  // The server's refusal is one of its codes; anything else (a proxy's page) words as a plain refusal.
  const reason = (JOIN_REFUSALS as readonly string[]).includes(message) ? message : 'other';
  return { code: 'join-refused', params: { reason } };
}
