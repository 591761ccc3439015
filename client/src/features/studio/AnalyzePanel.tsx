// Analyze and balance: runs in a Web Worker (the page stays responsive), with a progress bar and
// a Cancel that stops the worker at once. A worker that crashes shows its error; the text is the
// editor's and is never touched.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, NumberInput, Progress, Stack, Text } from '@mantine/core';
import type { AgreementSpaceReport } from '@shared/analysis/agreementSpace';
import type { BalanceReport } from '@shared/bots/balance';
import type { Verdict } from './check';
import type { FromWorker, ToWorker } from './analysisMessages';
import { Detail } from './Detail';
import { st } from './text';

const AnalyzeCharts = lazy(() => import('./AnalyzeCharts'));

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export function AnalyzePanel({ checked }: { checked: Verdict | null }) {
  const [games, setGames] = useState(200);
  const [status, setStatus] = useState<Status>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [space, setSpace] = useState<AgreementSpaceReport | null>(null);
  const [balance, setBalance] = useState<BalanceReport | null>(null);
  const [band, setBand] = useState({ min: 0, max: 1 });
  const [error, setError] = useState('');
  const worker = useRef<Worker | null>(null);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const run = () => {
    if (!checked?.valid) return;
    stop();
    setSpace(null);
    setBalance(null);
    setError('');
    setProgress({ done: 0, total: games });
    setStatus('running');
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'space') setSpace(message.report);
      else if (message.type === 'progress') setProgress({ done: message.done, total: message.total });
      else if (message.type === 'balance') {
        setBalance(message.report);
        setBand(message.surplusBand);
        setStatus('done');
        stop();
      } else {
        setError(message.message);
        setStatus('error');
        stop();
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      setError(event.message);
      setStatus('error');
      stop();
    };
    const request: ToWorker = { text: checked.text, file: 'draft.yaml', games, seed: 1 };
    w.postMessage(request);
  };

  const cancel = () => {
    stop();
    setStatus('cancelled');
  };

  const percent = progress.total ? (progress.done / progress.total) * 100 : 0;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <NumberInput label={st.analyze.games} value={games} onChange={(n) => typeof n === 'number' && setGames(n)} min={1} max={2000} step={50} allowDecimal={false} w={120} />
        {status === 'running' ? (
          <Button color="red" variant="light" onClick={cancel}>
            {st.analyze.cancel}
          </Button>
        ) : (
          <Button onClick={run} disabled={!checked?.valid || games < 1}>
            {st.analyze.run}
          </Button>
        )}
      </Group>
      {!checked?.valid && <Text size="sm" c="dimmed">{st.analyze.needsValid}</Text>}
      {(status === 'running' || progress.done > 0) && (
        <Stack gap={2}>
          <Progress value={percent} animated={status === 'running'} aria-label={st.analyze.running} data-testid="balance-progress" data-done={progress.done} data-total={progress.total} />
          <Text size="xs" c="dimmed" className="tabular" aria-live="polite">
            {st.analyze.progress({ done: progress.done, total: progress.total })}
          </Text>
        </Stack>
      )}
      {status === 'cancelled' && <Alert color="gray" py={4} data-testid="analysis-cancelled">{st.analyze.cancelled}</Alert>}
      {status === 'error' && (
        <Alert color="red" role="alert">
          {st.analyze.crashed}
          <Detail text={error} />
        </Alert>
      )}
      {(space || balance) && (
        <Suspense fallback={<Loader size="sm" />}>
          <AnalyzeCharts space={space} balance={balance} band={band} scenario={checked?.valid ?? null} />
        </Suspense>
      )}
    </Stack>
  );
}
