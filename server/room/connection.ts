// One client's connection to a session room: who it is (decided once, in onAuth), its message
// allowance, and the last view it was sent (its next patch is computed from that view).
import type { Client } from '@colyseus/core';
import type { GameView } from '@shared/engine';
import type { ServerMessagePayloads, ServerMessageType } from '@shared/protocol/serverMessages';
import { CONNECTION_BUCKET, TokenBucket } from '../rateLimit';

export type Identity =
  | { kind: 'facilitator' }
  | { kind: 'spectator' }
  /** `newSeatToken`: set on the join that created the player, to be sent to it once. */
  | { kind: 'player'; playerId: string; newSeatToken: string | null };

export interface Connection {
  client: Client;
  identity: Identity;
  /** Stable across reconnects and devices: the idempotency and chat flood scope. */
  principal: string;
  bucket: TokenBucket;
  connected: boolean;
  lastView: GameView | null;
  /** The language it reads the scenario in (join option `language`, message `setLanguage`). */
  language: string;
}

export function openConnection(client: Client, identity: Identity, now: number, language: string): Connection {
  return {
    client,
    identity,
    principal: identity.kind === 'player' ? identity.playerId : identity.kind,
    bucket: new TokenBucket(CONNECTION_BUCKET.capacity, CONNECTION_BUCKET.perSecond, now),
    connected: true,
    lastView: null,
    language,
  };
}

/** Sends one server message, its payload checked against the protocol's type. */
export function send<K extends ServerMessageType>(conn: Connection, type: K, body: ServerMessagePayloads[K]): void {
  conn.client.send(type, body);
}
