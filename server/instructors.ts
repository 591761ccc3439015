// Instructors: who may use the Scenario Studio and its library. Each has a key, issued on the
// server (`npx spacebridge instructor add "Name"`), shown once and stored only as its SHA-256 hash,
// like facilitator keys (docs/security.md, "Instructor keys"). Revoking keeps the row (the
// library still names the owner of what they saved) and stops the key at once.
import type { Instructor } from '@shared/protocol/studio';
import { hashSecret, randomToken } from './secrets';
import type { Db } from './store/db';

/** Names are shown to other instructors (a shared scenario's owner): one line, bounded. */
const INSTRUCTOR_NAME_CHARS = 60;

export interface InstructorRecord extends Instructor {
  createdAt: number;
  revokedAt: number | null;
}

interface InstructorRow {
  id: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
}

/** The instructors table (created by the store's migrations). */
export class Instructors {
  constructor(private readonly db: Db) {}

  /** A new instructor and their key (the only time the key exists outside the caller). */
  async add(name: string, now: number): Promise<{ instructor: InstructorRecord; key: string }> {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean === '' || clean.length > INSTRUCTOR_NAME_CHARS) throw new RangeError(`an instructor's name is 1 to ${INSTRUCTOR_NAME_CHARS} characters`);
    const key = randomToken(24);
    const id = randomToken(6);
    await this.db.run('INSERT INTO instructors (id, name, key_hash, created_at) VALUES (?, ?, ?, ?)', [id, clean, hashSecret(key), now]);
    return { instructor: { id, name: clean, createdAt: now, revokedAt: null }, key };
  }

  /** The instructor whose key this is, unless it was revoked. Looked up by the key's hash, so the
   *  time taken tells nothing about the key. */
  async byKey(key: string): Promise<Instructor | null> {
    const [row] = await this.db.query<Instructor>('SELECT id, name FROM instructors WHERE key_hash = ? AND revoked_at IS NULL', [hashSecret(key)]);
    return row ?? null;
  }

  async list(): Promise<InstructorRecord[]> {
    const rows = await this.db.query<InstructorRow>('SELECT id, name, created_at, revoked_at FROM instructors ORDER BY created_at, id');
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  /** The instructor an operator means: by id, or by a name only one active instructor has. */
  async find(idOrName: string): Promise<InstructorRecord | { ambiguous: InstructorRecord[] } | null> {
    const all = await this.list();
    const byId = all.find((i) => i.id === idOrName);
    if (byId) return byId;
    const named = all.filter((i) => i.revokedAt === null && i.name.toLowerCase() === idOrName.trim().toLowerCase());
    if (named.length > 1) return { ambiguous: named };
    return named[0] ?? null;
  }

  /** Stops the instructor's key; false if it already was. */
  async revoke(id: string, now: number): Promise<boolean> {
    return (await this.db.run('UPDATE instructors SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id])) > 0;
  }

  /** A new key for an instructor (a lost key): the old one stops, their library stays theirs. */
  async rotate(id: string): Promise<string> {
    const key = randomToken(24);
    const changed = await this.db.run('UPDATE instructors SET key_hash = ?, revoked_at = NULL WHERE id = ?', [hashSecret(key), id]);
    if (changed === 0) throw new RangeError(`no instructor ${id}`);
    return key;
  }
}
