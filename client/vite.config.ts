// The web client's build: root is client/, output client/dist (served by the server's one port).
// In development `npm run dev` proxies the API and the WebSocket to a running server.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { IntlMessageFormat } from 'intl-messageformat';

const serverPort = process.env.SPACEBRIDGE_PORT ?? '2567';
const serverUrl = `http://localhost:${serverPort}`;

/** The UI catalogues' ICU messages (client/src/i18n/en.ts, ru.ts, zh.ts, and the studio's part in
 *  the lazy parts in client/src/i18n/studio/ and api/) parsed here, at build
 *  time: each string with an argument becomes `{ ast }`, so the page ships intl-messageformat
 *  without its parser (about 7 KB gzipped off a student's first screen; see the alias below).
 *  A message that does not parse fails the build. */
function precompileMessages(): Plugin {
  return {
    name: 'spacebridge:precompile-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]client[\\/]src[\\/]i18n[\\/](studio[\\/]|api[\\/])?(en|ru|zh)\.ts$/.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node) => {
        const isValue = node.parent && (ts.isPropertyAssignment(node.parent) || ts.isArrayLiteralExpression(node.parent));
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isValue && node.text.includes('{')) {
          const ast = new IntlMessageFormat(node.text, 'en').getAst();
          edits.push({ start: node.getStart(source), end: node.getEnd(), text: `{ ast: ${JSON.stringify(ast)} }` });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let out = code;
      for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [precompileMessages(), react()],
  // The path aliases (@shared/*) come from tsconfig.base.json. Every message arrives parsed
  // (precompileMessages), so the ICU parser is left out of the bundle.
  resolve: {
    tsconfigPaths: true,
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': serverUrl,
      // Colyseus matchmaking and room sockets.
      '/matchmake': serverUrl,
      '^/[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+\\?': { target: serverUrl, ws: true },
    },
  },
});
