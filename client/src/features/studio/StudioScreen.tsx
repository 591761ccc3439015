// The Scenario Studio (/studio): the YAML text on the left, checked by the CLI's own loader after
// each pause in typing; structured views, analysis, playtest and the library on the right. Every
// view edits the same text in place. The draft is kept on this device after every check, so a
// reload, a crashed worker or a refused upload loses nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Box, Center, Group, Loader, ScrollArea, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { t } from '../../i18n';
import { Shell } from '../../ui/Shell';
import { AnalyzePanel } from './AnalyzePanel';
import type { Verdict, Views } from './check';
import { problemText } from './problemText';
import { ChannelsView } from './ChannelsView';
import { Detail } from './Detail';
import { draftStore, type Draft } from './draftStore';
import { EventsView } from './EventsView';
import { LibraryPanel } from './LibraryPanel';
import { PlaytestPanel } from './PlaytestPanel';
import { PointTablesView } from './PointTablesView';
import { RolesView } from './RolesView';
import { StartMenu } from './StartMenu';
import { useChecker } from './useChecker';
import { useInstructor } from './useInstructor';
import { st, useStudioText } from './text';
import { setIn, YamlEditError, type YamlPath } from './yamlEdit';
import { YamlEditor, type YamlEditorHandle } from './YamlEditor';
import classes from './Studio.module.css';

/** How long a pause in typing is before the loader runs (the check itself takes the rest of the 200 ms). */
const PAUSE_MS = 75;

/** One edit of a structured view: set `path` of the YAML document to `value`. */
export type Edit = (path: YamlPath, value: unknown) => void;

/** The tabs that show the document's structure (they need readable YAML). */
const VIEW_TABS = ['roles', 'points', 'channels', 'events'];

/** A first visit starts from the starter template (written by the check worker). */
const STARTER = { scenarioId: 'my-scenario', fileName: 'my-scenario.yaml' };

/** The studio once its words are ready in the reader's language (a first visit in Russian or
 *  Chinese loads them). */
export default function StudioScreen() {
  return useStudioText() ? (
    <Studio />
  ) : (
    <Center h="60vh" role="status" aria-label={t.app.loading}>
      <Loader />
    </Center>
  );
}

function Studio() {
  const [stored] = useState(() => draftStore.load());
  const [draft, setDraft] = useState<Draft>(() => stored ?? { text: '', fileName: STARTER.fileName, library: null });
  const [checked, setChecked] = useState<Verdict | null>(null);
  const [views, setViews] = useState<Views | null>(null);
  const [tab, setTab] = useState<string | null>('points');
  // Null, or the failed edit's detail ('' when it has none).
  const [editError, setEditError] = useState<string | null>(null);
  const instructor = useInstructor();
  const editor = useRef<YamlEditorHandle>(null);
  const timer = useRef<number | undefined>(undefined);
  const meta = useRef(draft);
  meta.current = draft;

  const shown = useCallback((verdict: Verdict) => {
    editor.current?.showProblems(verdict.text, [...verdict.problems, ...verdict.warnings]);
    setChecked(verdict);
  }, []);
  const { check: runCheck, starter, failure: checkFailure } = useChecker(shown, setViews);

  /** Checks the editor's text now (after a pause, an edit in a view, a new start). */
  const check = useCallback(() => {
    window.clearTimeout(timer.current);
    const text = editor.current?.text() ?? '';
    draftStore.save({ ...meta.current, text });
    runCheck(text, meta.current.fileName);
  }, [runCheck]);

  const onType = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(check, PAUSE_MS);
  }, [check]);

  /** A new start (template, shipped copy, upload, library version): one undoable replacement. */
  const replace = useCallback(
    (next: Draft) => {
      meta.current = next;
      setDraft(next);
      editor.current!.replaceAll(next.text);
      check();
    },
    [check],
  );

  const startFromTemplate = useCallback(() => {
    void starter(STARTER.scenarioId).then((text) => replace({ text, fileName: STARTER.fileName, library: null }));
  }, [starter, replace]);

  useEffect(() => {
    if (stored) check();
    else startFromTemplate();
    return () => window.clearTimeout(timer.current);
    // The first check only: later ones follow typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const edit: Edit = useCallback(
    (path, value) => {
      try {
        const { change } = setIn(editor.current!.text(), path, value);
        editor.current!.apply(change);
        setEditError(null);
        check();
      } catch (error) {
        setEditError(error instanceof YamlEditError ? error.message : String(error));
      }
    },
    [check],
  );

  const problems = checked?.problems ?? [];
  const warnings = checked?.warnings ?? [];

  return (
    <Shell
      title={st.title}
      right={<StartMenu onStart={replace} starter={startFromTemplate} instructorKey={instructor.key} />}
    >
      <div className={classes.layout}>
        <section className={classes.textSide} aria-label={st.editorLabel}>
          <Box className={classes.editor}>
            <YamlEditor ref={editor} initialText={draft.text} onChange={onType} label={st.editorLabel} />
          </Box>
          <ProblemList checked={checked} onGo={(line, column) => editor.current?.goTo(line, column)} />
        </section>
        <section className={classes.viewSide} aria-label={st.title}>
          {checkFailure && (
            <Alert color="red" mb="sm" role="alert">
              {st.checkFailed({ reason: checkFailure.reason, seconds: checkFailure.reason === 'timeout' ? checkFailure.seconds : 0 })}
              <Detail text={checkFailure.detail} />
            </Alert>
          )}
          {editError !== null && (
            <Alert color="red" mb="sm" withCloseButton onClose={() => setEditError(null)} role="alert">
              {st.editFailed}
              <Detail text={editError} />
            </Alert>
          )}
          {/* Panels stay mounted (a running analysis goes on behind another tab); a view is drawn only while shown. */}
          <Tabs value={tab} onChange={setTab} keepMounted>
            <Tabs.List>
              {Object.entries(st.tabs).map(([value, label]) => (
                <Tabs.Tab key={value} value={value}>
                  {label}
                  {value === 'library' && draft.library && (
                    <Badge size="xs" ml={6} variant="light">
                      {st.lib.version({ v: draft.library.version })}
                    </Badge>
                  )}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Box pt="md">
              {views && !views.raw && VIEW_TABS.includes(tab ?? '') && (
                <Alert color="yellow" mb="sm">
                  {st.notYaml}
                </Alert>
              )}
              <Tabs.Panel value="roles">{tab === 'roles' && views?.raw && <RolesView raw={views.raw} edit={edit} />}</Tabs.Panel>
              <Tabs.Panel value="points">{tab === 'points' && views?.raw && <PointTablesView views={views} edit={edit} />}</Tabs.Panel>
              <Tabs.Panel value="channels">{tab === 'channels' && views?.raw && <ChannelsView raw={views.raw} edit={edit} />}</Tabs.Panel>
              <Tabs.Panel value="events">{tab === 'events' && views?.raw && <EventsView raw={views.raw} edit={edit} />}</Tabs.Panel>
              <Tabs.Panel value="analyze">
                <AnalyzePanel checked={checked} />
              </Tabs.Panel>
              <Tabs.Panel value="playtest">
                <PlaytestPanel checked={checked} instructorKey={instructor.key} />
              </Tabs.Panel>
              <Tabs.Panel value="library">
                <LibraryPanel
                  draft={draft}
                  instructor={instructor}
                  text={() => editor.current?.text() ?? ''}
                  onOpen={replace}
                  onSaved={(library) => {
                    const next = { ...meta.current, text: editor.current?.text() ?? '', library };
                    meta.current = next;
                    setDraft(next);
                    draftStore.save(next);
                  }}
                />
              </Tabs.Panel>
            </Box>
          </Tabs>
        </section>
      </div>
      <VisuallyHidden aria-live="polite">
        {problems.length > 0 ? st.problems({ n: problems.length }) : warnings.length > 0 ? st.warnings({ n: warnings.length }) : checked ? st.valid : ''}
      </VisuallyHidden>
    </Shell>
  );
}

/** The loader's problems and warnings under the editor, in the CLI's words (English, marked so:
 *  docs/translating.md, "The Studio"); a click goes there. */
function ProblemList({ checked, onGo }: { checked: Verdict | null; onGo: (line: number, column: number) => void }) {
  if (!checked) return null;
  const all = [...checked.problems, ...checked.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
  return (
    <Box className={classes.problems} data-testid="problems" data-count={checked.problems.length}>
      <Group gap="xs" px="sm" py={4} justify="space-between">
        <Group gap="xs">
          {checked.problems.length > 0 ? (
            <Badge color="red">{st.problems({ n: checked.problems.length })}</Badge>
          ) : (
            <Badge color="teal">{st.valid}</Badge>
          )}
          {checked.warnings.length > 0 && <Badge color="yellow">{st.warnings({ n: checked.warnings.length })}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">
          {st.checkedIn({ ms: Math.round(checked.ms) })}
        </Text>
      </Group>
      {all.length > 0 && (
        <ScrollArea.Autosize mah={160}>
          <Stack gap={0} component="ul" className={classes.problemList}>
            {all.map((problem, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={classes.problem}
                  data-severity={problem.warning ? 'warning' : 'error'}
                  data-line={problem.line}
                  onClick={() => onGo(problem.line, problem.column)}
                  lang="en"
                >
                  {problemText(problem)}
                </button>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Box>
  );
}
