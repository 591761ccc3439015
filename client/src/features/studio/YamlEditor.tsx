// The text editor: CodeMirror 6 with YAML, completion and hover from the scenario's JSON Schema
// (codemirror-json-schema), and the diagnostics the studio computes with the CLI's loader. The
// package's own schema linter is left out on purpose: one validator, the loader's.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import type { JSONSchema7 } from 'json-schema';
import type { Problem } from '@shared/scenario/problems';
import { scenarioSchema } from './schema';
import type { TextChange } from './yamlEdit';

export interface YamlEditorHandle {
  text(): string;
  /** Replaces the whole text (a new start, a restored version): one undoable step. */
  replaceAll(text: string): void;
  /** Applies a structured view's edit. */
  apply(change: TextChange): void;
  /** Shows the loader's problems and warnings at their places. `text` is the text they are about:
   *  if the author typed since, they wait for the next check. */
  showProblems(text: string, problems: readonly Problem[]): void;
  goTo(line: number, column: number): void;
}

/** Where a problem is in the text: its line and column, to the end of the word there. */
function range(doc: Text, problem: Problem): { from: number; to: number } {
  if (problem.line < 1 || problem.line > doc.lines) return { from: 0, to: Math.min(doc.length, doc.line(1).to) };
  const line = doc.line(problem.line);
  const from = Math.min(line.to, line.from + Math.max(0, problem.column - 1));
  const word = /^[^\s,:{}[\]#]+/.exec(line.text.slice(from - line.from));
  return { from, to: word ? from + word[0].length : line.to };
}

export const YamlEditor = forwardRef<YamlEditorHandle, { initialText: string; onChange: () => void; label: string }>(function YamlEditor(
  { initialText, onChange, label },
  handle,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          lintGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          // Completion parses the whole file against the schema: on Ctrl+Space, not on every key.
          autocompletion({ activateOnTyping: false }),
          highlightActiveLine(),
          highlightSelectionMatches(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
          yaml(),
          yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
          hoverTooltip(yamlSchemaHover()),
          stateExtensions(scenarioSchema as JSONSchema7),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current();
          }),
          EditorView.theme({ '&': { height: '100%', fontSize: '13px' }, '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; later texts come through the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(handle, () => ({
    text: () => view.current?.state.doc.toString() ?? '',
    replaceAll(text) {
      const editor = view.current!;
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    },
    apply(change) {
      // The author sees the line a view changed.
      view.current!.dispatch({ changes: change, effects: EditorView.scrollIntoView(change.from, { y: 'nearest' }) });
    },
    showProblems(text, problems) {
      const editor = view.current;
      if (!editor || editor.state.doc.toString() !== text) return;
      const diagnostics: Diagnostic[] = problems.map((problem) => ({
        ...range(editor.state.doc, problem),
        severity: problem.warning ? 'warning' : 'error',
        message: `${problem.message}${problem.path ? ` (${problem.path})` : ''}`,
      }));
      editor.dispatch(setDiagnostics(editor.state, diagnostics));
    },
    goTo(line, column) {
      const editor = view.current!;
      const doc = editor.state.doc;
      const at = range(doc, { line, column } as Problem).from;
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      editor.focus();
    },
  }));

  // The scenario's source, in whatever language its author wrote it: not the catalogue's text.
  return <div ref={host} data-testid="yaml-editor" data-text="scenario" style={{ height: '100%', minHeight: 0 }} />;
});
