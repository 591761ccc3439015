// The server's clock as this page knows it. A phase deadline is a time on the server's clock, and
// a browser's own clock may be minutes off (a school laptop that never synchronised), so a
// countdown reads `serverNow()`: this browser's clock corrected by the offset learnt from the last
// server message that carried the server's time (`serverTime` on `view` and `patch`). A page talks
// to one server, so the offset is the page's, not a connection's.

let offset = 0;

/** A message stamped `serverTime` by the server arrived at `receivedAt` (this browser's clock).
 *  Its travel time, tens of milliseconds, is not worth estimating for a countdown in seconds. */
export function learnServerTime(serverTime: number, receivedAt = Date.now()): void {
  offset = serverTime - receivedAt;
}

/** The server's time now (ms since the epoch), as best this page can tell. */
export function serverNow(): number {
  return Date.now() + offset;
}
