// Actions a client has submitted but the server has not answered yet. Each carries the id the
// client generated, so resending after a reconnect is safe (the server applies an id at most
// once and answers a repeat with the original result). Kept in sessionStorage: a reload in the
// same tab does not lose what was typed.
import type { FacilitatorAction, PlayerAction } from '@shared/protocol/actions';

export type ClientAction = PlayerAction | FacilitatorAction;

export interface OutboxEntry {
  id: string;
  action: ClientAction;
  queuedAt: number;
}

/** 16 random bytes as hex. `crypto.getRandomValues` works on plain http too (a classroom LAN),
 *  unlike `crypto.randomUUID`. */
function newActionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Outbox {
  private entries: OutboxEntry[];

  constructor(private readonly storageKey: string) {
    this.entries = Outbox.load(storageKey);
  }

  private static load(key: string): OutboxEntry[] {
    try {
      const raw = sessionStorage.getItem(key);
      const parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((e) => typeof e?.id === 'string' && e.action) : [];
    } catch {
      return [];
    }
  }

  private save() {
    try {
      if (this.entries.length === 0) sessionStorage.removeItem(this.storageKey);
      else sessionStorage.setItem(this.storageKey, JSON.stringify(this.entries));
    } catch {
      // Storage full or disabled: the outbox still lives in memory for this page.
    }
  }

  add(action: ClientAction): OutboxEntry {
    const entry = { id: newActionId(), action, queuedAt: Date.now() };
    this.entries = [...this.entries, entry];
    this.save();
    return entry;
  }

  /** The server answered this id (accepted or rejected): it leaves the outbox. */
  settle(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== id);
    if (this.entries.length === before) return false;
    this.save();
    return true;
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }
}
