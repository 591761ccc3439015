// The UI catalogue in use. One catalogue per language; English is the only one so far.
import { en, type Messages } from './en';

export const t: Messages = en;

/** A problem as a sentence a student can read: our wording for its code followed by the server's
 *  details, or the server's sentence alone for a code we have no text for (the HTTP API's). */
export function errorText(error: { code: string; message?: string }): string {
  const text = Object.hasOwn(t.errors, error.code) ? t.errors[error.code as keyof Messages['errors']] : null;
  if (!text) return error.message || t.errors.unknown;
  return error.message && error.message !== text ? `${text} (${error.message})` : text;
}
