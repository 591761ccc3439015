// Where a draft starts: a copy of a shipped scenario (with the instructor key: the file holds
// the confidential parts), the starter template or a YAML file from this computer (a library
// scenario opens from the Library tab). Replacing the text is one step that Undo reverts.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Menu } from '@mantine/core';
import { STUDIO_LIMITS } from '@shared/protocol/limits';
import { api, apiErrorText, type ScenarioSummary } from '../../api';
import type { Draft } from './draftStore';
import { studioApi } from './studioApi';
import { st } from './text';

/** The largest file the studio reads: what the server accepts. */
const MAX_BYTES = STUDIO_LIMITS.yamlChars;

/** Reads an uploaded file, or says why not (too large, not text), worded when shown. Nothing
 *  changes on an error. */
export async function readYamlFile(file: File): Promise<{ text: string } | { error: () => string }> {
  if (file.size > MAX_BYTES) return { error: () => st.tooLarge({ mb: file.size / 1024 / 1024, limit: MAX_BYTES / 1_000_000 }) };
  const text = await file.text();
  if (text.includes('\u0000')) return { error: () => st.notText };
  return { text };
}

export function StartMenu({ onStart, starter, instructorKey }: { onStart: (draft: Draft) => void; starter: () => void; instructorKey: string | null }) {
  const [error, setError] = useState<(() => string) | null>(null);
  const [shipped, setShipped] = useState<ScenarioSummary[]>([]);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.listScenarios().then(
      (list) => setShipped(list.filter((s) => !s.library)),
      () => setShipped([]),
    );
  }, []);

  const copy = async (scenario: ScenarioSummary) => {
    if (!instructorKey) return;
    try {
      const text = await studioApi.shipped(instructorKey, scenario.id);
      setError(null);
      onStart({ text, fileName: `${scenario.id}.yaml`, library: null });
    } catch (e) {
      setError(() => () => st.shippedFailed({ why: apiErrorText(e) }));
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const read = await readYamlFile(file);
    if ('error' in read) setError(() => read.error);
    else {
      setError(null);
      onStart({ text: read.text, fileName: file.name, library: null });
    }
    if (input.current) input.current.value = '';
  };

  return (
    <>
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} py={4} data-testid="start-error">
          {error()}
        </Alert>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light">{st.start}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{st.shippedCopies}</Menu.Label>
          {!instructorKey && <Menu.Item disabled>{st.shippedNeedsKey}</Menu.Item>}
          {shipped.map((s) => (
            <Menu.Item key={s.id} disabled={!instructorKey} onClick={() => void copy(s)}>
              {s.title}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label>{st.startFrom}</Menu.Label>
          <Menu.Item onClick={starter}>{st.starter}</Menu.Item>
          <Menu.Item onClick={() => input.current?.click()}>{st.upload}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <input ref={input} type="file" accept=".yaml,.yml,text/yaml,application/yaml" hidden data-testid="upload-yaml" onChange={(e) => void upload(e.target.files?.[0])} />
    </>
  );
}
