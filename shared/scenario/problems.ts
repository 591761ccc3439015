// What is wrong with a scenario file, said so that an instructor can find and fix it.

export type PathKey = string | number;

/** A problem found in the data, before it is located in the YAML text. */
export interface Finding {
  /** Where in the document, e.g. ['roles', 2, 'objectives', 0, 'when']. */
  path: PathKey[];
  message: string;
  /** Point at the key itself (an unknown or misspelt key) rather than at its value. */
  atKey?: boolean;
  /** Worth knowing, but the scenario still loads (e.g. a behaviour that changed in a migration). */
  warning?: boolean;
}

/** A problem located in a file. `line`/`column` are 1-based; line 0 means the file as a whole. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** e.g. `roles[2].objectives[0].when`; empty for the document as a whole or a YAML syntax error. */
  path: string;
  /** A warning: the scenario still loads. */
  warning?: boolean;
}

/** `roles[2].objectives[0].when`; keys that are not plain words are quoted: `terms["a b"]`. */
export function pathToString(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_@][\w@-]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** `file:line:column: message (path)`, the form editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}: ${problem.warning ? 'warning: ' : ''}${problem.message}${problem.path ? ` (${problem.path})` : ''}`;
}
