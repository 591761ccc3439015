// The instructor signed in to the studio: the key kept on this device, checked with the server
// (GET /api/studio/me) once per page.
import { useCallback, useEffect, useState } from 'react';
import type { Instructor } from '@shared/protocol/studio';
import { draftStore } from './draftStore';
import { studioApi } from './studioApi';

export interface InstructorState {
  key: string | null;
  instructor: Instructor | null;
  /** Why the last key was refused (an ApiError: 401 for a key that is not valid). */
  error: unknown;
  signIn(key: string): Promise<boolean>;
  forget(): void;
}

export function useInstructor(): InstructorState {
  const [key, setKey] = useState<string | null>(() => draftStore.instructorKey());
  const [instructor, setInstructor] = useState<Instructor | null>(null);
  const [error, setError] = useState<unknown>(null);

  const signIn = useCallback(async (candidate: string) => {
    try {
      const { instructor: who } = await studioApi.me(candidate.trim());
      draftStore.rememberInstructorKey(candidate.trim());
      setKey(candidate.trim());
      setInstructor(who);
      setError(null);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }, []);

  useEffect(() => {
    const stored = draftStore.instructorKey();
    if (stored) void signIn(stored);
  }, [signIn]);

  const forget = useCallback(() => {
    draftStore.rememberInstructorKey(null);
    setKey(null);
    setInstructor(null);
  }, []);

  return { key: instructor ? key : null, instructor, error, signIn, forget };
}
