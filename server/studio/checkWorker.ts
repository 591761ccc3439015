// The studio's validator thread: runs `checkScenarioText` for the main thread (checker.ts), so a
// hostile or huge text costs this thread's time and memory, never the game's event loop.
import { parentPort } from 'node:worker_threads';
import { checkScenarioText } from './check';

parentPort?.on('message', (message: { id: number; yaml: string }) => {
  parentPort!.postMessage({ id: message.id, result: checkScenarioText(message.yaml) });
});
// Loaded: the main thread starts timing checks from here, not from the thread's start.
parentPort?.postMessage({ ready: true });
