// What the browser remembers between visits (UI/session data, never game state):
// facilitator keys of sessions this browser created, a student's name and seat token per
// join code so a reload or another tab rejoins the same seat, and the last session played here
// (the home page offers the way back to it, e.g. after the browser's Back button).
export interface FacilitatedSession {
  sessionId: string;
  facilitatorKey: string;
  joinCode: string;
  title: string;
  createdAt: number;
}

export interface PlayerIdentity {
  name: string;
  seatToken?: string;
}

/** The session a student last played on this device: enough to offer the way back. */
export interface LastSession {
  joinCode: string;
  title: string;
  /** Who the student plays there ("NASA · Chris"), if seated. */
  seat?: string;
}

const FACILITATED = 'spacebridge.facilitated';
const LAST_SESSION = 'spacebridge.lastSession';
const playerKey = (joinCode: string) => `spacebridge.player.${joinCode.toUpperCase()}`;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export const storage = {
  facilitated(): FacilitatedSession[] {
    return read<FacilitatedSession[]>(FACILITATED, []);
  },
  rememberFacilitated(session: FacilitatedSession) {
    const others = storage.facilitated().filter((s) => s.sessionId !== session.sessionId);
    localStorage.setItem(FACILITATED, JSON.stringify([session, ...others].slice(0, 10)));
  },
  facilitatorKey(sessionId: string): string | undefined {
    return storage.facilitated().find((s) => s.sessionId === sessionId)?.facilitatorKey;
  },
  player(joinCode: string): PlayerIdentity | null {
    return read<PlayerIdentity | null>(playerKey(joinCode), null);
  },
  rememberPlayer(joinCode: string, identity: PlayerIdentity) {
    localStorage.setItem(playerKey(joinCode), JSON.stringify(identity));
  },
  lastSession(): LastSession | null {
    const last = read<LastSession | null>(LAST_SESSION, null);
    // Only a session this browser still holds a name for can be rejoined without the form.
    return last?.joinCode && storage.player(last.joinCode)?.name ? last : null;
  },
  rememberLastSession(session: LastSession) {
    const known = storage.lastSession();
    if (known && JSON.stringify(known) === JSON.stringify(session)) return;
    localStorage.setItem(LAST_SESSION, JSON.stringify(session));
  },
};

/** The facilitator key travels in the URL fragment (never sent to the server by the browser). */
export function keyFromFragment(): string | undefined {
  const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export function codeFromFragment(): string | undefined {
  const match = /(?:^#|&)code=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export function consoleUrl(sessionId: string, facilitatorKey: string, joinCode?: string): string {
  const code = joinCode ? `&code=${encodeURIComponent(joinCode)}` : '';
  return `/facilitator/${encodeURIComponent(sessionId)}#key=${encodeURIComponent(facilitatorKey)}${code}`;
}
