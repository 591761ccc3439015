/** Thrown by a command for a command line that makes no sense: shown with the command's usage, exit 2. */
export class UsageError extends Error {}
