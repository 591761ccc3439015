// What the studio keeps on this device: the draft being edited (after every check, so a reload
// or a crash loses nothing) and the instructor's key (like the facilitator keys in storage.ts).
export interface Draft {
  text: string;
  /** The name problems are reported under, as the CLI would (`<id>.yaml`, or the uploaded file's name). */
  fileName: string;
  /** The library scenario this draft was opened from or saved to, and the version it is based on. */
  library: { id: string; version: number } | null;
}

const DRAFT = 'spacebridge.studio.draft';
const INSTRUCTOR_KEY = 'spacebridge.instructorKey';

export const draftStore = {
  load(): Draft | null {
    try {
      const draft = JSON.parse(localStorage.getItem(DRAFT) ?? 'null') as Draft | null;
      return draft && typeof draft.text === 'string' && typeof draft.fileName === 'string' ? { ...draft, library: draft.library ?? null } : null;
    } catch {
      return null;
    }
  },
  save(draft: Draft) {
    try {
      localStorage.setItem(DRAFT, JSON.stringify(draft));
    } catch {
      // Storage full (a huge draft): the editor still holds it; saving to the library works.
    }
  },
  instructorKey(): string | null {
    return localStorage.getItem(INSTRUCTOR_KEY);
  },
  rememberInstructorKey(key: string | null) {
    if (key) localStorage.setItem(INSTRUCTOR_KEY, key);
    else localStorage.removeItem(INSTRUCTOR_KEY);
  },
};
