// Session leases: at most one process hosts a session's room at a time (docs/scaling.md). A room
// takes its session's lease in onCreate, before it reads the store, and gives it back in onDispose,
// after its last writes are durable. A process that cannot take a lease does not open the room:
// the join goes to the process that holds it.
//
// - One process (the embedded default): the leases are a set in memory.
// - Several processes (DATABASE_URL): PostgreSQL session-level advisory locks, all held on one
//   dedicated connection per process. When the process dies (kill -9 included) the operating system
//   closes that socket and PostgreSQL releases every lock at once: there is no expiry to wait out.
//   When the connection is lost while the process lives, the process no longer owns anything:
//   `onLost` tells the server to close every room it hosts.
import pg from 'pg';

/** How a room refuses to open for a session whose lease another room holds (a ServerError code). */
export const HOSTED_ELSEWHERE = 409;

export interface Leases {
  /** Takes the session's lease for this process: false when another room (here or elsewhere) holds it. */
  acquire(sessionId: string): Promise<boolean>;
  /** Gives the lease back (nothing happens if this process does not hold it). */
  release(sessionId: string): Promise<void>;
  /** Called once if this process loses every lease at once (the lock connection dropped). */
  onLost(listener: () => void): void;
  close(): Promise<void>;
}

/** One process: nobody else can host a session. */
export class LocalLeases implements Leases {
  private held = new Set<string>();

  async acquire(sessionId: string): Promise<boolean> {
    if (this.held.has(sessionId)) return false;
    this.held.add(sessionId);
    return true;
  }

  async release(sessionId: string): Promise<void> {
    this.held.delete(sessionId);
  }

  onLost(): void {}

  async close(): Promise<void> {
    this.held.clear();
  }
}

/** The advisory lock key of a session: a 64-bit hash of a name no other use of the database shares. */
const LOCK_KEY = "hashtextextended('spacebridge:session:' || $1, 0)";

export class PostgresLeases implements Leases {
  /** Sessions whose lock this connection holds (advisory locks nest per connection: we never take one twice). */
  private held = new Set<string>();
  private lost = false;
  private listeners: (() => void)[] = [];

  private constructor(private readonly connection: pg.Client) {
    const lose = () => {
      if (this.lost) return;
      this.lost = true;
      this.held.clear();
      for (const listener of this.listeners) listener();
    };
    connection.on('error', lose);
    connection.on('end', lose);
  }

  /** `name` shows in pg_stat_activity (which process holds which locks). */
  static async connect(databaseUrl: string, name = 'spacebridge-leases'): Promise<PostgresLeases> {
    const connection = new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: name });
    await connection.connect();
    return new PostgresLeases(connection);
  }

  async acquire(sessionId: string): Promise<boolean> {
    if (this.lost || this.held.has(sessionId)) return false;
    // Claimed before the round trip, so two rooms of this process cannot both take it.
    this.held.add(sessionId);
    try {
      const { rows } = await this.connection.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`, [sessionId]);
      if (rows[0]?.ok === true) return true;
    } catch (error) {
      this.held.delete(sessionId);
      throw error;
    }
    this.held.delete(sessionId);
    return false;
  }

  async release(sessionId: string): Promise<void> {
    if (!this.held.delete(sessionId) || this.lost) return;
    await this.connection.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [sessionId]);
  }

  onLost(listener: () => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.listeners = [];
    this.lost = true;
    this.held.clear();
    await this.connection.end().catch(() => undefined);
  }
}
