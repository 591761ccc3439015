// What the browser remembers between visits (UI/session data, never game state):
// facilitator keys of sessions this browser created, and a student's name and seat token per
// join code so a reload or another tab rejoins the same seat.
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

const FACILITATED = 'spacebridge.facilitated';
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
