// Size limits of player text, in a module of its own (no zod) so the web client can use them
// without bundling the protocol schemas.
export const LIMITS = {
  chatChars: 1000,
  statementChars: 600,
  nameChars: 40,
  newsChars: 400,
  groupLabelChars: 60,
} as const;
