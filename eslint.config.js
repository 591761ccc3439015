// ESLint (flat config): typescript-eslint's recommended rules, and the boundaries between the
// parts of the house. shared/ is the pure game core: it imports neither the server nor the client
// nor any node:* module; the client never imports the server, nor the server the client.
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

/** `no-restricted-imports` patterns that keep one part of the house out of another. */
function forbid(parts, why) {
  return parts.map((part) => ({ group: [`@${part}/*`, `**/${part}/*`, `**/${part}`], message: why }));
}

/** The `no-restricted-imports` rule with a part's own patterns. */
function restrictImports(patterns = [], paths = []) {
  return ['error', { paths, patterns }];
}

const PARTS = ['shared', 'server', 'client', 'tests'];

/** Another part is imported by its alias (tsconfig.base.json: @shared/…), never by ../../.. */
const aliasAcrossParts = {
  meta: { type: 'suggestion', messages: { alias: 'Import {{part}}/ by its alias: {{alias}}' } },
  create(context) {
    const file = path.relative(import.meta.dirname, context.filename);
    const from = file.split(path.sep)[0];
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(import.meta.dirname, path.resolve(path.dirname(context.filename), spec)).split(path.sep);
      if (target[0] !== from && PARTS.includes(target[0])) {
        context.report({ node: node.source, messageId: 'alias', data: { part: target[0], alias: `@${target.join('/')}` } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'tmp/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { spacebridge: { rules: { 'alias-across-parts': aliasAcrossParts } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'spacebridge/alias-across-parts': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrictImports(
        [
          ...forbid(['server', 'client'], 'shared/ is the pure game core: it imports neither the server nor the client.'),
          { group: ['node:*'], message: 'shared/ is the pure game core: no node:* modules.' },
          { group: ['react', 'react-dom', 'colyseus', '@colyseus/*'], message: 'shared/ is the pure game core: no UI or server framework.' },
        ],
        nodeBuiltins.map((name) => ({ name, message: 'shared/ is the pure game core: no I/O.' })),
      ),
      'no-restricted-globals': ['error', { name: 'Date', message: 'The game core reads no clock: time comes in as data.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Randomness comes from the seeded PRNG in the game state.' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': restrictImports([
        ...forbid(['server'], 'The client talks to the server over the protocol only.'),
        { group: ['node:*'], message: 'The client runs in the browser.' },
      ]),
    },
  },
  {
    files: ['client/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(forbid(['client'], 'The server knows the client only as built files.')),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Test harnesses read raw wire payloads and poke at internals on purpose.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
