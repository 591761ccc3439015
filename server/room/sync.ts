// Durable sync: what each client is told, and when. Nothing leaves before the session's group commit
// that holds it is on disk, so a crash can never take back what a client saw. Then every connected
// client gets a JSON Patch from the last view it was sent; a patch is computed and encoded once
// per role (and once for the facilitator, once for spectators) and the same bytes go to each seat.
import { CloseCode, getMessageBytes, Protocol, type Client } from '@colyseus/core';
import type { GameState, GameView } from '@shared/engine';
import { publicScenarioIn } from '@shared/engine/viewLanguage';
import { sourceLanguageOf } from '@shared/scenario/translations';
import { SERVER_MESSAGES, type ActionResult, type DisplacedReason, type ProtocolError } from '@shared/protocol/serverMessages';
import type { Clock } from '../clock';
import { GameSession, viewerKey } from '../session';
import { diffViews } from '../viewDiff';
import { openConnection, send, type Connection, type Identity } from './connection';
import type { Lobby } from './lobby';

export class Sync {
  /** By Colyseus client session id; a dropped one stays (not `connected`) until it is back or gone. */
  private connections = new Map<string, Connection>();
  /** Connections closed for their player (displaced), by client session id, until they are gone:
   *  a dropped one that comes back is told again and closed. */
  private displaced = new Map<string, DisplacedReason>();
  /** Replies waiting for the session's group commit (see `whenDurable`). */
  private outbox: { replies: (() => void)[]; seatingChanged: boolean } | null = null;
  /** The state whose views the clients were last sent. */
  private sent: GameState;

  constructor(
    private readonly session: GameSession,
    private readonly lobby: Lobby,
    /** Stamps every view and patch: clients correct their countdown by it (`serverTime`). */
    private readonly clock: Clock,
  ) {
    this.sent = session.state;
  }

  connection(client: Client): Connection | undefined {
    return this.connections.get(client.sessionId);
  }

  /** A new connection is told who it is and gets its full view, once its identity is on disk.
   *  `language`: the one it reads the scenario in (default: the scenario's own). */
  join(client: Client, identity: Identity, now: number, language: string = sourceLanguageOf(this.session.scenario)): void {
    // One connection per player: a seat token used on another device or tab takes over.
    if (identity.kind === 'player') this.closePlayer(identity.playerId, 'elsewhere');
    const conn = openConnection(client, identity, now, language);
    this.connections.set(client.sessionId, conn);
    this.whenDurable(() => this.welcome(conn));
  }

  drop(client: Client): void {
    const conn = this.connections.get(client.sessionId);
    if (conn) conn.connected = false;
    this.broadcastPresence();
  }

  /** Back on a new socket: patches were not sent while it was away, so it starts from a full view. */
  reconnect(client: Client): void {
    const conn = this.connections.get(client.sessionId);
    const reason = this.displaced.get(client.sessionId);
    if (reason) return tellDisplaced(client, reason);
    if (!conn) return;
    conn.client = client;
    conn.connected = true;
    this.whenDurable(() => this.welcome(conn));
  }

  leave(client: Client): void {
    this.connections.delete(client.sessionId);
    this.displaced.delete(client.sessionId);
    this.broadcastPresence();
  }

  /** Every connection of a player stops acting for it at once; connected ones are told why and
   *  closed once what caused it is on disk. */
  closePlayer(playerId: string, reason: DisplacedReason): void {
    for (const [id, conn] of this.connections) {
      if (conn.identity.kind !== 'player' || conn.identity.playerId !== playerId) continue;
      this.connections.delete(id);
      this.displaced.set(id, reason);
      if (conn.connected) this.whenDurable(() => tellDisplaced(conn.client, reason));
    }
  }

  /** The session's players changed (one expired or was revoked): everyone gets the presence. */
  playersChanged(): void {
    this.whenDurable(() => this.broadcastPresence());
  }

  /** The answer to an action, once it is on disk. */
  reply(conn: Connection, id: string, result: ActionResult): void {
    this.whenDurable(() => send(conn, SERVER_MESSAGES.result, { id, ...result }));
  }

  /** A refusal of a message before it reached the game: nothing to wait for. */
  refuse(conn: Connection, error: ProtocolError, id?: string): void {
    if (id) send(conn, SERVER_MESSAGES.result, { id, ok: false, error });
    else send(conn, SERVER_MESSAGES.error, error);
  }

  /**
   * Queues `reply` (if any) and a view update until the session's group commit is on disk. All that
   * is queued in one turn of the event loop goes out together: the replies, then one patch per
   * client covering every move of the turn (and the seating, when a seat changed hands).
   */
  whenDurable(reply: (() => void) | null, seatingChanged = false): void {
    const first = this.outbox === null;
    const box = (this.outbox ??= { replies: [], seatingChanged: false });
    if (reply) box.replies.push(reply);
    box.seatingChanged ||= seatingChanged;
    if (first) this.session.writer.afterCommit(() => this.flush());
  }

  private flush(): void {
    const box = this.outbox;
    this.outbox = null;
    if (!box) return;
    for (const reply of box.replies) reply();
    if (this.session.state === this.sent && !box.seatingChanged) return;
    this.sent = this.session.state;
    this.sendChanges(box.seatingChanged);
  }

  /** Every connected client gets a patch from its last view (or a full view for a new viewer). */
  private sendChanges(seatingChanged: boolean): void {
    const patches = new Map<GameView, Map<GameView, Buffer>>();
    for (const conn of this.connections.values()) {
      if (!conn.connected) continue;
      if (seatingChanged && conn.identity.kind === 'player') this.sendIdentity(conn);
      const view = this.session.view(this.lobby.viewerOf(conn.identity), conn.language);
      const last = conn.lastView;
      if (last === view) continue;
      if (!last || viewerKey(last.viewer) !== viewerKey(view.viewer)) {
        // Just seated, or back to the lobby: a patch across viewers is pointless.
        this.sendFullView(conn, view);
        continue;
      }
      // The seats' views are copies of their role's view: diff the role's views, once.
      const [from, to] = [GameSession.baseOf(last), GameSession.baseOf(view)];
      let byNext = patches.get(from);
      if (!byNext) patches.set(from, (byNext = new Map()));
      let message = byNext.get(to);
      if (!message) byNext.set(to, (message = patchMessage(view.seq, diffViews(from, to), this.clock.now())));
      conn.lastView = view;
      conn.client.enqueueRaw(message);
    }
    if (seatingChanged) this.broadcastPresence();
  }

  private welcome(conn: Connection): void {
    if (this.connections.get(conn.client.sessionId) !== conn) return; // displaced meanwhile
    this.sendIdentity(conn);
    this.sendFullView(conn, this.session.view(this.lobby.viewerOf(conn.identity), conn.language));
    this.broadcastPresence();
  }

  /** The reader picked another language: a full view in it (with the scenario), once what it
   *  shows is on disk, like any view. */
  setLanguage(conn: Connection, language: string): void {
    if (conn.language === language) return;
    conn.language = language;
    this.whenDurable(() => {
      if (this.connections.get(conn.client.sessionId) === conn && conn.connected)
        this.sendFullView(conn, this.session.view(this.lobby.viewerOf(conn.identity), conn.language));
    });
  }

  private sendFullView(conn: Connection, view: GameView): void {
    conn.lastView = view;
    // The session's own scenario (public parts), as it was when the session was created, in the reader's language.
    send(conn, SERVER_MESSAGES.view, { seq: view.seq, view, scenario: publicScenarioIn(this.session.scenario, conn.language), serverTime: this.clock.now() });
  }

  private sendIdentity(conn: Connection): void {
    send(conn, SERVER_MESSAGES.identity, this.lobby.identityMessage(conn.identity));
  }

  private broadcastPresence(): void {
    const online = new Set<string>();
    const present = new Set<string>();
    for (const c of this.connections.values()) {
      if (c.identity.kind !== 'player') continue;
      present.add(c.identity.playerId);
      if (c.connected) online.add(c.identity.playerId);
    }
    this.lobby.watchIdle(present);
    const presence = this.lobby.presenceMessage(online);
    for (const c of this.connections.values()) if (c.connected) send(c, SERVER_MESSAGES.presence, presence);
  }
}

/** Tells a client why it no longer acts for its player, and closes it (consented: no reconnect). */
function tellDisplaced(client: Client, reason: DisplacedReason): void {
  client.send(SERVER_MESSAGES.displaced, { reason });
  client.leave(CloseCode.CONSENTED);
}

/** A `patch` message as Colyseus frames `client.send(SERVER_MESSAGES.patch, …)`, encoded once. */
function patchMessage(seq: number, ops: ReturnType<typeof diffViews>, serverTime: number): Buffer {
  return getMessageBytes.raw(Protocol.ROOM_DATA, SERVER_MESSAGES.patch, { seq, ops, serverTime });
}
