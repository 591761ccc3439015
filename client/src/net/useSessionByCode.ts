// Resolves a join code to its session id (GET /api/join/:code), for the screens reached by code.
import { useEffect, useState } from 'react';
import { api, type ApiError } from '../api';
import { errorText, t } from '../i18n';

export function useSessionByCode(joinCode: string): { sessionId: string | null; lookupError: string | null } {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  useEffect(() => {
    api.findSession(joinCode).then(
      (found) => setSessionId(found.sessionId),
      (e: ApiError) => setLookupError(e.status === 404 ? t.home.unknownCode : errorText(e)),
    );
  }, [joinCode]);
  return { sessionId, lookupError };
}
