// The UI catalogue in use. One catalogue per language; English is the only one so far.
import { en, type Messages } from './en';

export const t: Messages = en;

/** A server rejection as a sentence a student can read: our wording for the code, else the server's. */
export function errorText(error: { code: string; message?: string }): string {
  return t.errors[error.code] ? `${t.errors[error.code]}${error.message && error.message !== t.errors[error.code] ? ` (${error.message})` : ''}` : (error.message ?? t.errors.unknown);
}
