// Playtest: one click opens a session of the draft with bots in every seat but the delegation
// the author plays; the author's seat opens in a new tab (the console too, on request).
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { PlaytestAnswer } from '@shared/protocol/studio';
import { apiErrorText } from '../../api';
import type { Verdict } from './check';
import { studioApi } from './studioApi';
import { st } from './text';

export function PlaytestPanel({ checked, instructorKey }: { checked: Verdict | null; instructorKey: string | null }) {
  const roles = checked?.valid?.roles ?? [];
  const [role, setRole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<PlaytestAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chosen = roles.find((r) => r.id === role)?.id ?? roles[0]?.id;

  const start = async () => {
    if (!instructorKey || !checked?.valid || !chosen) return;
    // Opened now, in the click, so the browser does not block it as a pop-up.
    const tab = window.open('about:blank', '_blank');
    setBusy(true);
    setError(null);
    try {
      const answer = await studioApi.playtest(instructorKey, { yaml: checked.text, role: chosen });
      setOpened(answer);
      if (tab) tab.location.href = answer.playPath;
      else window.open(answer.playPath, '_blank');
    } catch (e) {
      tab?.close();
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{st.playtest.intro}</Text>
      {!instructorKey && <Alert color="yellow">{st.playtest.needsKey}</Alert>}
      {!checked?.valid && <Alert color="yellow">{st.playtest.needsValid}</Alert>}
      <Group align="flex-end">
        <NativeSelect label={st.playtest.role} value={chosen ?? ''} onChange={(e) => setRole(e.currentTarget.value)} data={roles.map((r) => ({ value: r.id, label: r.name }))} disabled={roles.length === 0} />
        <Button onClick={() => void start()} loading={busy} disabled={!instructorKey || !checked?.valid || !chosen}>
          {st.playtest.start}
        </Button>
      </Group>
      {error !== null && (
        <Alert color="red" role="alert">
          {apiErrorText(error)}
        </Alert>
      )}
      {opened && (
        <Alert color="teal" data-testid="playtest-opened">
          <Stack gap={4}>
            <Text size="sm">{st.playtest.opened({ code: opened.joinCode })}</Text>
            <Group gap="xs">
              <Button component="a" href={opened.playPath} target="_blank" size="xs" variant="light">
                {st.playtest.openAgain}
              </Button>
              <Button component="a" href={opened.consolePath} target="_blank" size="xs" variant="light">
                {st.playtest.console}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
