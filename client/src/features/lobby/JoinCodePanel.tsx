// The join code and a QR code to the join page, big enough to read from the back of a room.
import { lazy, Suspense } from 'react';
import { Paper, Stack, Text } from '@mantine/core';
import { t } from '../../i18n';

// The QR code's library is a chunk of its own, loaded after the code itself shows: it is not part of
// a student's first screen (docs/performance.md).
const QRCodeSVG = lazy(() => import('qrcode.react').then((m) => ({ default: m.QRCodeSVG })));

function joinUrl(joinCode: string): string {
  return `${window.location.origin}/join/${joinCode}`;
}

export function JoinCodePanel({ joinCode, large = false }: { joinCode: string; large?: boolean }) {
  const url = joinUrl(joinCode);
  return (
    <Paper p={large ? 'xl' : 'lg'} shadow="xs" data-testid="join-code-panel">
      <Stack align="center" gap={large ? 'md' : 'xs'}>
        <Text size={large ? 'xl' : 'sm'} c="dimmed" fw={600} tt="uppercase">
          {t.lobby.joinCode}
        </Text>
        <Text
          fw={800}
          className="tabular"
          size={large ? '4.5rem' : '2.4rem'}
          lh={1}
          c="space.9"
          style={{ letterSpacing: '0.12em' }}
          data-testid="join-code"
          data-text="code"
        >
          {joinCode}
        </Text>
        <Suspense fallback={<div style={{ width: large ? 280 : 160, height: large ? 280 : 160 }} />}>
          <QRCodeSVG value={url} size={large ? 280 : 160} marginSize={2} title={t.lobby.scanToJoin} />
        </Suspense>
        <Text size={large ? 'lg' : 'xs'} c="dimmed" ta="center" style={{ wordBreak: 'break-all' }}>
          {t.lobby.joinAt({ url: url.replace(/^https?:\/\//, '') })}
        </Text>
      </Stack>
    </Paper>
  );
}
