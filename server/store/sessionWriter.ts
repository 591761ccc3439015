// A session's writes on their way to the store: everything written in one turn of the event loop
// is committed as one transaction (group commit), after the session's previous commit (a
// session's commits are serialised; sessions commit in parallel). Whatever tells a client about a
// write waits for its commit: `afterCommit`.
//
// One timer for all sessions ends the turn: every session with writes asks for its commit in the
// same callback, so the SQLite store can put them all in one transaction (one disk flush).
import type { Action, Actor, GameState } from '@shared/engine/types';
import type { ResultMessage } from '@shared/protocol/serverMessages';
import { emptyWrites, type LoggedAction, type PlayerRecord, type QuarantinedAction, type SessionWrites, type Store } from './store';

export class SessionWriter {
  /** The writes of this turn, and who waits for them. */
  private open: { writes: SessionWrites; callbacks: (() => void)[] } | null = null;
  /** Resolves once the last commit asked for is done (and its callbacks ran). */
  private last: Promise<void> = Promise.resolve();
  private unfinished = 0;

  constructor(
    private readonly store: Store,
    readonly sessionId: string,
  ) {}

  append(entry: LoggedAction): void {
    this.writes().actions.push(entry);
  }

  result(principal: string, result: ResultMessage): void {
    this.writes().results.push({ principal, result });
  }

  snapshot(state: GameState): void {
    this.writes().snapshot = state;
  }

  addPlayer(player: PlayerRecord, at: number): void {
    this.writes().players.push({ kind: 'add', player: { ...player }, at });
  }

  setPlayerName(playerId: string, name: string): void {
    this.writes().players.push({ kind: 'name', playerId, name });
  }

  setPlayerSeat(playerId: string, seat: { role: string; seat: string } | null): void {
    this.writes().players.push({ kind: 'seat', playerId, seat });
  }

  deletePlayer(playerId: string): void {
    this.writes().players.push({ kind: 'delete', playerId });
  }

  quarantine(q: { atSeq: number; principal: string; clientId: string | null; actor: Actor; action: Action; at: number; error: string }): void {
    this.writes().quarantine.push(q satisfies QuarantinedAction);
  }

  /** Runs `fn` once everything written so far is committed (at once when nothing is pending). */
  afterCommit(fn: () => void): void {
    if (this.open) this.open.callbacks.push(fn);
    else if (this.unfinished > 0) void this.last.then(fn);
    else fn();
  }

  /** Resolves once everything written so far is committed. */
  durable(): Promise<void> {
    return new Promise((resolve) => this.afterCommit(resolve));
  }

  private writes(): SessionWrites {
    if (!this.open) {
      this.open = { writes: emptyWrites(), callbacks: [] };
      endOfTurn(this);
    }
    return this.open.writes;
  }

  /** Asks the store to commit this turn's writes (after the previous commit). */
  commit(): void {
    const turn = this.open;
    if (!turn) return;
    this.open = null;
    this.unfinished++;
    this.last = this.last
      .then(() => this.store.commit(this.sessionId, turn.writes))
      .then(
        () => {
          this.unfinished--;
          for (const fn of turn.callbacks) {
            try {
              fn();
            } catch (error) {
              console.error(error);
            }
          }
        },
        (error: unknown) => {
          // The session in memory is now ahead of the store, and nobody has been told of those
          // writes: stop, and let a restart rebuild every session from what was committed.
          console.error(`the store could not commit (${(error as Error).message}); stopping so that a restart recovers from the log`);
          process.exit(1);
        },
      );
  }
}

/** The writers with writes in this turn, committed together once its I/O callbacks have run. */
const writing = new Set<SessionWriter>();

function endOfTurn(writer: SessionWriter): void {
  if (writing.size === 0) {
    setImmediate(() => {
      const writers = [...writing];
      writing.clear();
      for (const w of writers) w.commit();
    });
  }
  writing.add(writer);
}
