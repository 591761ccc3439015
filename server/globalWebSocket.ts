// Node 20 has no global WebSocket; Colyseus' reconnection logic needs one. This module must be
// imported before anything that loads Colyseus (ESM evaluates imports in order).
import { WebSocket } from 'ws';

if (!('WebSocket' in globalThis)) {
  (globalThis as unknown as { WebSocket: typeof WebSocket }).WebSocket = WebSocket;
}
