// One live connection to a session room. It keeps the GameView up to date from `view` and
// `patch` messages, sends actions through an outbox (resent after every reconnect, applied at
// most once thanks to their ids), and reconnects by itself: first through the SDK's own
// reconnection, then, if the room dropped us for good, by joining again with the seat token.
import { Client, type Room } from '@colyseus/sdk';
import { applyPatch, type Operation } from 'fast-json-patch';
import type { GameView, PublicScenario } from '../../../shared/engine/view';
import type { SeatRef } from '../../../shared/protocol/actions';
import type { JoinOptions } from '../../../shared/protocol/messages';
import { Outbox, type ClientAction, type OutboxEntry } from './outbox';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

export interface ActionError {
  code: string;
  message: string;
}

export type ActionResult = { ok: true; seq: number } | { ok: false; error: ActionError };

export interface Identity {
  role: 'player' | 'facilitator' | 'spectator';
  /** Sent once, on the join that created it; null on a rejoin (the client already holds it). */
  seatToken: string | null;
  seat: SeatRef | null;
  playerId: string | null;
  name?: string;
}

export interface PresencePlayer {
  id: string;
  name: string;
  seat?: SeatRef | null;
  online?: boolean;
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
  error: ActionError | null;
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
const RETRY_DELAYS = [500, 1000, 2000, 4000, 8000];

export class SessionConnection {
  private client: Client;
  private room: Room | null = null;
  private outbox: Outbox;
  private listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private closed = false;
  private snapshot: ConnectionSnapshot;

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
      const room = await this.client.joinById(this.options.sessionId, this.options.joinOptions());
      if (this.closed) {
        void room.leave(true);
        return;
      }
      this.attach(room);
      this.attempts = 0;
      this.update({ status: 'connected', error: null });
      this.flushOutbox();
    } catch (error) {
      const { code, message } = describeJoinError(error);
      // A refusal (bad code, bad key) will not go away by retrying; a network problem will.
      if (code !== 'network' && this.snapshot.view === null && this.attempts >= 1) {
        this.update({ status: 'failed', error: { code, message } });
        return;
      }
      this.update({ error: { code, message } });
      this.scheduleRetry();
    }
  }

  private attach(room: Room) {
    this.room = room;
    room.onMessage('view', (payload: { seq: number; view: GameView; scenario?: PublicScenario }) =>
      this.update({ view: payload.view, scenario: payload.scenario ?? this.snapshot.scenario }),
    );
    room.onMessage('patch', (payload: { seq: number; ops: Operation[] }) => this.applyViewPatch(payload.ops));
    room.onMessage('result', (payload: { id: string } & ActionResult) => this.settle(payload));
    room.onMessage('error', (payload: ActionError) => this.update({ error: payload }));
    room.onMessage('identity', (payload: Identity) => {
      this.update({ identity: payload });
      this.options.onIdentity?.(payload);
    });
    room.onMessage('presence', (payload: { players: PresencePlayer[] }) => this.update({ presence: payload.players }));
    room.onDrop(() => this.update({ status: 'reconnecting' }));
    room.onReconnect(() => {
      this.update({ status: 'connected', error: null });
      this.flushOutbox();
    });
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.room = null;
      if (this.closed) return;
      // 1000: the server closed the room on purpose (session deleted); anything else is a drop
      // the SDK could not recover: join again with our seat token.
      if (code === 1000) this.update({ status: 'closed' });
      else this.scheduleRetry();
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

  private settle(payload: { id: string } & ActionResult) {
    this.outbox.settle(payload.id);
    const result: ActionResult = payload.ok ? { ok: true, seq: payload.seq } : { ok: false, error: payload.error };
    const ids = Object.keys(this.snapshot.results);
    const kept = ids.length >= MAX_RESULTS ? Object.fromEntries(ids.slice(-MAX_RESULTS / 2).map((id) => [id, this.snapshot.results[id]])) : this.snapshot.results;
    this.update({ pending: this.outbox.list(), results: { ...kept, [payload.id]: result } });
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
    window.removeEventListener('online', this.retryNow);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    void this.room?.leave(true);
    this.room = null;
  }
}

function describeJoinError(error: unknown): ActionError {
  const e = error as { code?: number | string; message?: string } | undefined;
  const message = e?.message ?? String(error);
  // The SDK reports an unreachable server as a failed fetch / closed socket without a code.
  if (e?.code === undefined || /fetch|network|socket|ECONN/i.test(message)) return { code: 'network', message };
  return { code: String(e.code), message };
}
