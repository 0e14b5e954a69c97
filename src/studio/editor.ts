// The lesson editor (CodeMirror 6): Markdown highlighting, completion for block names and front-matter keys, and every
// problem the pipeline finds underlined at its line and column as it is typed.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { EXPECTED_VALUES } from '../lesson/front-matter-keys.ts';
import { BLOCK_KINDS } from '../shared/block-kinds.ts';
import type { Problem } from './core-worker.ts';

/** What each lesson block and layout block is for, shown beside its name in the completion list. */
const BLOCKS: Record<string, string> = {
  terms: 'key vocabulary',
  timeline: 'dates and events',
  map: 'a map',
  debate: 'a motion with arguments',
  roles: 'role-play roles',
  questions: 'discussion questions',
  activity: 'a class activity',
  notes: 'speaker notes',
  incremental: 'a list revealed one by one',
  columns: 'two or more columns',
  column: 'one column',
};

function blockNames(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/^:{3,4}[\w-]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  const colons = /^:+/.exec(word.text)![0];
  const names = [...new Set([...BLOCK_KINDS, ...Object.keys(BLOCKS)])];
  return {
    from: word.from,
    options: names.map((name) => ({ label: `${name === 'columns' ? '::::' : colons}${name}`, detail: BLOCKS[name] ?? 'lesson block', type: 'keyword' })),
    validFor: /^:{3,4}[\w-]*$/,
  };
}

function frontMatterKeys(context: CompletionContext): CompletionResult | null {
  const text = context.state.doc.toString();
  const end = /^---\r?\n[\s\S]*?\r?\n---/.exec(text)?.[0].length ?? (text.startsWith('---') ? text.length : 0);
  if (context.pos > end) return null;
  const word = context.matchBefore(/^[A-Za-z]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return {
    from: word.from,
    options: Object.entries(EXPECTED_VALUES).map(([key, expected]) => ({
      label: `${key}: `,
      displayLabel: key,
      detail: expected.replace(/`/g, ''),
      type: 'property',
    })),
    validFor: /^[A-Za-z]*$/,
  };
}

export interface LessonEditor {
  view: EditorView;
  /** Replace the whole text (another lesson opened), without telling `onChange`. */
  load: (text: string) => void;
  showProblems: (problems: Problem[]) => void;
  /** Put the cursor at a line and column, and the keyboard in the editor. */
  goTo: (line: number, column?: number) => void;
}

export function createEditor(parent: HTMLElement, onChange: (text: string) => void, onCursorLine: (line: number) => void): LessonEditor {
  let loading = false;
  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    lintGutter(),
    markdown(),
    syntaxHighlighting(defaultHighlightStyle),
    autocompletion({ override: [blockNames, frontMatterKeys] }),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.lineWrapping,
    // Named for screen readers; a tab stop of its own, so its scrolled text is reached by the keyboard. Tab indents
    // there: Esc, then Tab, leaves it (CodeMirror's way out), as the line above the editor says (index.html).
    EditorView.contentAttributes.of({ 'aria-label': 'Lesson Markdown', 'aria-describedby': 'editor-keys', tabindex: '0' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !loading) onChange(update.state.doc.toString());
      if (update.selectionSet || update.docChanged) onCursorLine(update.state.doc.lineAt(update.state.selection.main.head).number);
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: '', extensions }) });
  return {
    view,
    load: (text) => {
      loading = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
      loading = false;
    },
    showProblems: (problems) => {
      const { doc } = view.state;
      const diagnostics: Diagnostic[] = problems.map((problem) => {
        const line = doc.line(Math.min(Math.max(problem.line ?? 1, 1), doc.lines));
        const from = Math.min(line.from + (problem.column ?? 1) - 1, line.to);
        return {
          from,
          to: Math.max(from, line.to),
          severity: problem.severity === 'note' ? 'info' : problem.severity,
          message: problem.message,
          source: problem.rule,
        };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goTo: (lineNumber, column = 1) => {
      const { doc } = view.state;
      const line = doc.line(Math.min(Math.max(lineNumber, 1), doc.lines));
      const position = Math.min(line.from + column - 1, line.to);
      view.dispatch({ selection: { anchor: position }, scrollIntoView: true });
      view.focus();
    },
  };
}
