// The real command in a child process: `node bin/spacebridge.mjs serve` on a free port, for the
// tests that need a whole server start (crash recovery, the first start's demo session).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `serve` on DATA_DIR `dataDir` (and more `env`) and resolves once `until` (default: the
 *  server is up) appears in its output; `output()` reads everything it printed so far. */
export async function serve(port: number, dataDir: string, until = 'Spacebridge is running', env: NodeJS.ProcessEnv = {}): Promise<{ proc: ChildProcess; output: () => string }> {
  const proc = spawn(process.execPath, ['bin/spacebridge.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'no-client'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print "${until}":\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(until)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { proc, output: () => output };
}
