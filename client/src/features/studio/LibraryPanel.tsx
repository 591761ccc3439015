// The instructors' library: the key entry, saving the draft (every save a new version), the
// versions with Restore, shared or private, download as YAML, and the scenarios one may open
// (one's own, and those other instructors share).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import type { LibraryEntry, LibraryScenarioAnswer } from '@shared/protocol/studio';
import { ApiError, apiErrorText } from '../../api';
import { locale } from '../../i18n';
import type { Draft } from './draftStore';
import { downloadText, studioApi } from './studioApi';
import { st } from './text';
import type { InstructorState } from './useInstructor';

interface Props {
  draft: Draft;
  instructor: InstructorState;
  text: () => string;
  onOpen: (draft: Draft) => void;
  onSaved: (library: Draft['library']) => void;
}

export function LibraryPanel({ draft, instructor, text, onOpen, onSaved }: Props) {
  const key = instructor.key;
  const [current, setCurrent] = useState<LibraryScenarioAnswer | null>(null);
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [note, setNote] = useState('');
  const [shared, setShared] = useState(false);
  // Worded as it is shown, so a change of language words it again.
  const [message, setMessage] = useState<{ color: string; text: () => string } | null>(null);
  const [busy, setBusy] = useState(false);
  const libraryId = draft.library?.id ?? null;

  const refresh = useCallback(async () => {
    if (!key) return;
    const list = await studioApi.list(key);
    setEntries(list.scenarios);
    setCurrent(libraryId ? await studioApi.get(key, libraryId).catch(() => null) : null);
  }, [key, libraryId]);

  useEffect(() => {
    refresh().catch((e: unknown) => setMessage({ color: 'red', text: () => apiErrorText(e) }));
  }, [refresh]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setMessage({ color: 'red', text: () => (e instanceof ApiError && e.code === 'version-conflict' ? st.lib.conflict : apiErrorText(e)) });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    act(async () => {
      const yaml = text();
      const answer =
        libraryId && current?.scenario.mine
          ? await studioApi.save(key!, libraryId, { yaml, note: note || undefined, basedOn: draft.library!.version })
          : await studioApi.create(key!, { yaml, note: note || undefined, visibility: shared ? 'shared' : 'private' });
      setCurrent(answer);
      onSaved({ id: answer.scenario.id, version: answer.version.version });
      setNote('');
      setMessage({ color: 'teal', text: () => st.lib.saved({ v: answer.version.version }) });
      setEntries((await studioApi.list(key!)).scenarios);
    });

  const restore = (version: number) =>
    act(async () => {
      const answer = await studioApi.restore(key!, libraryId!, version);
      setCurrent(answer);
      onOpen({ text: answer.version.yaml, fileName: fileNameOf(answer), library: { id: answer.scenario.id, version: answer.version.version } });
      setMessage({ color: 'teal', text: () => st.lib.restored({ from: version, v: answer.version.version }) });
    });

  const open = (entry: LibraryEntry) =>
    act(async () => {
      const answer = await studioApi.get(key!, entry.id);
      // Another instructor's scenario opens as a copy: saving it makes one of your own.
      onOpen({ text: answer.version.yaml, fileName: fileNameOf(answer), library: answer.scenario.mine ? { id: answer.scenario.id, version: answer.version.version } : null });
      setMessage(null);
    });

  const setVisibility = (visibility: 'shared' | 'private') =>
    act(async () => {
      const { scenario } = await studioApi.setVisibility(key!, libraryId!, visibility);
      setCurrent((c) => (c ? { ...c, scenario } : c));
      setEntries((list) => list.map((e) => (e.id === scenario.id ? scenario : e)));
    });

  return (
    <Stack gap="md">
      <KeyForm instructor={instructor} />
      <Group>
        <Button variant="light" onClick={() => downloadText(text(), draft.fileName)}>
          {st.lib.download}
        </Button>
      </Group>
      {key && (
        <>
          {message && (
            <Alert color={message.color} py={6} withCloseButton onClose={() => setMessage(null)} data-testid="library-message">
              {message.text()}
            </Alert>
          )}
          <Paper withBorder p="md" component="section" aria-labelledby="library-current">
            <Title order={3} size="h5" id="library-current" mb="xs">
              {st.lib.current({ name: current ? current.version.title : draft.fileName })}
            </Title>
            <Stack gap="xs">
              {!current && <Text size="sm" c="dimmed">{st.lib.notSaved}</Text>}
              <Group align="flex-end">
                <TextInput label={st.lib.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} style={{ flex: 1 }} />
                <Button onClick={() => void save()} loading={busy}>
                  {current?.scenario.mine ? st.lib.save : st.lib.saveAsNew}
                </Button>
              </Group>
              {current?.scenario.mine ? (
                <Switch label={st.lib.shared} checked={current.scenario.visibility === 'shared'} onChange={(e) => void setVisibility(e.currentTarget.checked ? 'shared' : 'private')} />
              ) : (
                <Switch label={st.lib.shared} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
              )}
              {current && (
                <Table verticalSpacing={2} data-testid="versions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{st.lib.versions}</Table.Th>
                      <Table.Th />
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {current.versions.map((v) => (
                      <Table.Tr key={v.version} data-version={v.version}>
                        <Table.Td>
                          <Badge variant={v.version === draft.library?.version ? 'filled' : 'light'}>{st.lib.version({ v: v.version })}</Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {new Date(v.savedAt).toLocaleString(locale())} · {v.savedBy.name}
                            {v.note ? ` · ${v.note}` : ''}
                            {!v.valid && (
                              <Text span c="red" size="xs">
                                {' '}
                                · {st.lib.invalid}
                              </Text>
                            )}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {current.scenario.mine && v.version !== current.versions[0].version && (
                            <Button size="compact-xs" variant="light" onClick={() => void restore(v.version)} aria-label={st.lib.restoreVersion({ v: v.version })}>
                              {st.lib.restore}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>
          <LibraryList title={st.lib.mine} entries={entries.filter((e) => e.mine)} onOpen={open} />
          <LibraryList title={st.lib.others} entries={entries.filter((e) => !e.mine)} onOpen={open} />
        </>
      )}
    </Stack>
  );
}

function fileNameOf(answer: LibraryScenarioAnswer): string {
  return `${answer.version.scenarioId ?? 'scenario'}.yaml`;
}

function KeyForm({ instructor }: { instructor: InstructorState }) {
  const [value, setValue] = useState('');
  if (instructor.instructor) {
    return (
      <Group justify="space-between">
        <Text size="sm" data-testid="signed-in">
          {st.lib.signedInAs({ name: instructor.instructor.name })}
        </Text>
        <Button size="xs" variant="subtle" onClick={instructor.forget}>
          {st.lib.forget}
        </Button>
      </Group>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) void instructor.signIn(value);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={3} size="h5" mb={4}>
        {st.lib.keyHeading}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {st.lib.keyIntro}
      </Text>
      <Group align="flex-end">
        <PasswordInput label={st.lib.key} visibilityToggleButtonProps={{ 'aria-label': st.lib.showKey }} value={value} onChange={(e) => setValue(e.currentTarget.value)} style={{ flex: 1 }} autoComplete="off" error={instructor.error === null ? undefined : instructor.error instanceof ApiError && instructor.error.status === 401 ? st.lib.badKey : apiErrorText(instructor.error)} />
        <Button type="submit">{st.lib.signIn}</Button>
      </Group>
    </Paper>
  );
}

function LibraryList({ title, entries, onOpen }: { title: string; entries: LibraryEntry[]; onOpen: (entry: LibraryEntry) => void }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {st.lib.empty}
        </Text>
      ) : (
        <Stack gap={4}>
          {entries.map((entry) => (
            <Group key={entry.id} justify="space-between" wrap="nowrap" data-testid={`library-${entry.id}`}>
              <Text size="sm">
                {entry.latest.title}{' '}
                <Text span size="xs" c="dimmed">
                  {st.lib.version({ v: entry.latest.version })}
                  {!entry.mine && ` · ${st.lib.by({ name: entry.owner.name })}`}
                  {entry.mine && entry.visibility === 'shared' && ` · ${st.lib.sharedTag}`}
                </Text>
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => onOpen(entry)} aria-label={st.lib.openScenario({ title: entry.latest.title })}>
                {st.lib.open}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
