// The web client's build: root is client/, output client/dist (served by the server's one port).
// In development `npm run dev` proxies the API and the WebSocket to a running server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const serverPort = process.env.SPACEBRIDGE_PORT ?? '2567';
const serverUrl = `http://localhost:${serverPort}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The path aliases (@shared/*) come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
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
