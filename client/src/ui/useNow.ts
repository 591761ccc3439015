import { useEffect, useState } from 'react';
import { serverNow } from '../net/serverClock';

/** The server's current time, refreshed every `ms` (for countdowns to a deadline on its clock). */
export function useServerNow(ms = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
