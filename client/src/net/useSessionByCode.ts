// Resolves a join code to its session id (GET /api/join/:code), for the screens reached by code.
// A page (re)loaded during a network blip must not stay stuck on "cannot be reached": a network
// failure is retried with the connection's backoff, and at once when the browser is back online.
// A refusal from the server (unknown code) is final.
import { useEffect, useState } from 'react';
import { api, apiErrorText, type ApiError } from '../api';
import { t } from '../i18n';
import { RETRY_DELAYS } from './connection';

export function useSessionByCode(joinCode: string): { sessionId: string | null; lookupError: string | null } {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const lookup = () => {
      clearTimeout(timer);
      timer = undefined;
      api.findSession(joinCode).then(
        (found) => {
          if (stopped) return;
          setLookupError(null);
          setSessionId(found.sessionId);
        },
        (e: ApiError) => {
          if (stopped) return;
          setLookupError(e.status === 404 ? t.home.unknownCode : apiErrorText(e));
          if (e.code === 'network') timer = setTimeout(lookup, RETRY_DELAYS[Math.min(attempts++, RETRY_DELAYS.length - 1)]);
        },
      );
    };
    const retryNow = () => timer !== undefined && lookup();
    window.addEventListener('online', retryNow);
    lookup();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', retryNow);
    };
  }, [joinCode]);
  return { sessionId, lookupError };
}
