// A problem as the CLI prints it, without the file name.
import type { Problem } from '@shared/scenario/problems';

/** `line:column: message (path)`, the CLI's words without the file name. */
export function problemText(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.line}:${problem.column}: ` : '';
  return `${where}${problem.warning ? 'warning: ' : ''}${problem.message}${problem.path ? ` (${problem.path})` : ''}`;
}
