// Lectern Studio: write a lesson, see its slides and problems as you type, its printables a moment after you stop, and
// download everything `lectern build` would make. The pipeline runs on a Web Worker (core-worker.ts); this page only
// shows what it makes, so typing never waits.
import { countOf } from '../shared/count-of.ts';
import type { EditorView } from '@codemirror/view';
import { wrap } from 'comlink';
import type { TemplateFiles } from '../shared/template-files.ts';
import type { Checked, CoreWorkerApi, MadeFiles, Problem } from './core-worker.ts';
import { deckPreview } from './deck-preview.ts';
import { askImport, askNewLesson, editTemplates } from './dialogs.ts';
import { createEditor } from './editor.ts';
import type { FontCoverage } from './font-coverage.ts';
import { filesPanel } from './files-panel.ts';
import { startWorker } from './start-worker.ts';
import { browserWorkspace, folderWorkspace, type Workspace, type WorkspaceLesson } from './workspace.ts';

const base = new URL('./', document.baseURI).href;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
/** How many things the status line has said: news that comes late does not hide what was said after it began. */
let said = 0;
const status = (text: string) => {
  said++;
  element('status').textContent = text;
};

/** After typing stops: save the lesson this long after, and make its printables this long after. */
const SAVE_AFTER_MS = 400;
const PRINT_AFTER_MS = 700;

/** The lesson being edited, and whether what is shown is of its latest text. */
interface Current extends WorkspaceLesson {
  /** Images looked for in the workspace and not found, so they are not looked for at every keystroke. */
  notFound: Set<string>;
}

async function start(): Promise<void> {
  if ('serviceWorker' in navigator && location.protocol !== 'file:')
    navigator.serviceWorker.register(new URL('service-worker.js', base)).catch((error: unknown) => console.warn('The studio will not work offline:', error));

  const [coverage, ownTemplates] = await Promise.all([
    fetch(new URL('font-coverage.json', base)).then((response) => response.json() as Promise<FontCoverage>),
    fetch(new URL('templates.json', base)).then((response) => response.json() as Promise<Record<string, string>>),
  ]);
  const core = wrap<CoreWorkerApi>(await startWorker(new URL('core-worker.js', base), 'pipeline'));
  const templates: TemplateFiles = { files: new Map(Object.entries(ownTemplates)), shown: new Map() };
  const printWorkers = Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1));
  const workspace: Workspace = (await folderWorkspace(base)) ?? browserWorkspace();
  await core.init(base, coverage, templates, printWorkers);
  await core.setTemplates(await workspace.templates());
  element('build-output').hidden = !workspace.buildToOutput;

  const preview = deckPreview(element<HTMLIFrameElement>('deck-preview'), base);
  const files = filesPanel(element('printables-list'), element('printable-pages'), base, status);
  let current: Current | undefined;
  let previewed = 0;
  let built = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let printTimer: ReturnType<typeof setTimeout> | undefined;
  let saving = Promise.resolve();

  const showChecked = (checked: Checked) => {
    const list = element('problems');
    const shown = checked.problems.map((problem) => problemItem(problem));
    if (shown.length === 0) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'No problems.';
      shown.push(none);
    }
    list.replaceChildren(...shown);
    const count = checked.problems.filter((problem) => problem.severity !== 'note').length;
    element('problem-count').textContent = count > 0 ? `(${count})` : '';
    editor.showProblems(checked.problems);
    element('lesson-stats').textContent = checked.stats
      ? `${checked.language ? `Language ${checked.language}; ` : ''}${countOf(checked.stats.words, 'word')}, about ${checked.stats.readingMinutes} min to read${checked.stats.grade !== undefined ? `, reading level grade ${checked.stats.grade}` : ''}.`
      : '';
  };
  const problemItem = (problem: Problem) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = problem.severity;
    const place = problem.line ? `${problem.line}:${problem.column ?? 1}` : '–';
    button.textContent = `${place} ${problem.severity}: ${problem.message}`;
    button.addEventListener('click', () => editor.goTo(problem.line ?? 1, problem.column ?? 1));
    item.append(button);
    return item;
  };

  /** Images a folder's lesson refers to are fetched from the folder the first time they are missing. */
  const fetchMissing = async (lesson: Current, missing: string[]): Promise<boolean> => {
    let found = false;
    for (const path of missing.filter((wanted) => !lesson.notFound.has(wanted))) {
      const data = await workspace.loadImage(lesson.name, path);
      if (data) {
        lesson.images.set(path, data);
        found = true;
      } else lesson.notFound.add(path);
    }
    return found;
  };

  const refreshPreview = async () => {
    if (!current) return;
    const lesson = current;
    const turn = ++previewed;
    const result = await core.preview({ name: lesson.name, text: lesson.text, images: lesson.images });
    if (turn !== previewed || lesson !== current) return;
    if (result.missingImages.length > 0 && (await fetchMissing(lesson, result.missingImages))) return refreshPreview();
    showChecked(result);
    if (result.deck) preview.show(result.deck.html, result.deck.styles, lesson.images);
    element('slide-count').textContent = result.deck ? '' : '(not updated: fix the errors below)';
  };

  const refreshPrintables = async () => {
    if (!current) return;
    const lesson = current;
    const turn = ++built;
    status('Making the printables…');
    const begun = said;
    let made: MadeFiles;
    try {
      made = await core.build({ name: lesson.name, text: lesson.text, images: lesson.images });
    } catch (error) {
      status(`The printables could not be made: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    if (turn !== built || lesson !== current) return;
    files.show(lesson.name, made);
    // A later message (saved, built into the output folder) stays: the printables' own panel shows they are ready.
    if (said === begun) status(made.files.size > 0 ? `Printables up to date (${countOf(made.files.size, 'file')}).` : 'Fix the errors to make the printables.');
  };

  const save = (lesson: Current) => {
    saving = saving
      .then(() => workspace.saveText(lesson.name, lesson.text))
      .then(
        () => status(`Saved ${lesson.name} in ${workspace.where}.`),
        (error: unknown) => status(`Not saved: ${error instanceof Error ? error.message : String(error)}`),
      );
    return saving;
  };

  const editor = createEditor(
    element('editor'),
    (text) => {
      if (!current) return;
      current.text = text;
      void refreshPreview();
      const lesson = current;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void save(lesson), SAVE_AFTER_MS);
      clearTimeout(printTimer);
      printTimer = setTimeout(() => void refreshPrintables(), PRINT_AFTER_MS);
    },
    (line) => preview.followLine(line),
  );

  const lessonList = element<HTMLSelectElement>('lesson-list');
  const listLessons = async (selected?: string) => {
    const names = await workspace.list();
    lessonList.replaceChildren(
      ...names.map((name) => {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name.replace(/\.md$/i, '');
        return option;
      }),
    );
    if (selected) lessonList.value = selected;
    return names;
  };

  const open = async (name: string) => {
    clearTimeout(saveTimer);
    clearTimeout(printTimer);
    if (current) await save(current);
    const lesson = await workspace.load(name);
    if (!lesson) return status(`There is no lesson ${name} in ${workspace.where}.`);
    current = { ...lesson, notFound: new Set() };
    lessonList.value = name;
    editor.load(lesson.text);
    history.replaceState(null, '', `?lesson=${encodeURIComponent(name)}`);
    files.clear();
    await refreshPreview();
    void refreshPrintables();
  };

  const create = async (lesson: WorkspaceLesson) => {
    const name = await workspace.create(lesson);
    await listLessons(name);
    await open(name);
    status(`Created ${name} in ${workspace.where}.`);
  };

  lessonList.addEventListener('change', () => void open(lessonList.value));
  element('new-lesson').addEventListener('click', () => {
    void (async () => {
      const wanted = await askNewLesson(await core.lessonTemplates());
      if (!wanted) return;
      const lesson = await core.newLesson(wanted.title, wanted.from, new Date().toISOString().slice(0, 10));
      await create({ ...lesson, images: new Map() });
    })();
  });
  element('import').addEventListener('click', () => {
    void (async () => {
      const chosen = await askImport();
      if (!chosen) return;
      const draft = await core.importFile(chosen.main.name, chosen.main.text, chosen.others);
      await create({ name: draft.name, text: draft.text, images: draft.images });
      status(`Imported ${chosen.main.name}: what was converted, dropped or left for you to decide is below (and in the lesson's comments).`);
      element('lesson-stats').textContent = draft.report.join(' · ');
    })();
  });
  element('templates').addEventListener('click', () => {
    void (async () => {
      const saved = await editTemplates(templates, await workspace.templates(), (name, text) => workspace.saveTemplate(name, text));
      if (!saved) return;
      await core.setTemplates(await workspace.templates());
      await refreshPreview();
      void refreshPrintables();
    })();
  });
  element('download-all').addEventListener('click', () => {
    void (async () => {
      if (!current) return;
      status('Making every file…');
      const made = await core.build({ name: current.name, text: current.text, images: current.images });
      if (made.files.size === 0) return status('Fix the errors first: nothing can be made of a lesson with errors.');
      files.downloadAll(current.name, made);
    })();
  });
  element('build-output').addEventListener('click', () => {
    void (async () => {
      if (!current || !workspace.buildToOutput) return;
      await save(current);
      status('Building into the output folder…');
      const lines = await workspace.buildToOutput(current.name);
      status(lines.join(' '));
    })();
  });
  wireFiles(
    workspace,
    () => current,
    create,
    editor.view,
    (lesson) => {
      if (lesson === current) void refreshPreview();
    },
  );

  let names = await listLessons();
  if (names.length === 0 && workspace.kind === 'browser') {
    const first = await core.newLesson('My first lesson', 'basic', new Date().toISOString().slice(0, 10));
    await workspace.create({ ...first, images: new Map() });
    names = await listLessons();
  }
  const asked = new URLSearchParams(location.search).get('lesson');
  if (names.length === 0) status(`There are no lessons in ${workspace.where} yet: start one with "New lesson".`);
  else await open(asked && names.includes(asked) ? asked : names[0]);
  document.body.dataset.ready = 'true';
}

/** Open and save lesson files on this computer, and add images (a button, or dropped on the editor). */
function wireFiles(
  workspace: Workspace,
  current: () => WorkspaceLesson | undefined,
  create: (lesson: WorkspaceLesson) => Promise<void>,
  view: EditorView,
  changed: (lesson: WorkspaceLesson) => void,
): void {
  type Handle = { getFile: () => Promise<File>; createWritable: () => Promise<{ write: (data: string) => Promise<void>; close: () => Promise<void> }> };
  type Picker = (options: object) => Promise<Handle[] | Handle>;
  const picker = window as unknown as { showOpenFilePicker?: Picker; showSaveFilePicker?: Picker };
  const handles = new Map<string, Handle>();
  const input = document.getElementById('file-input') as HTMLInputElement;
  const choose = (accept: string, multiple = false) =>
    new Promise<File[]>((resolve) => {
      input.accept = accept;
      input.multiple = multiple;
      input.value = '';
      input.onchange = () => resolve([...(input.files ?? [])]);
      input.click();
    });
  const markdownTypes = [{ description: 'Lesson (Markdown)', accept: { 'text/markdown': ['.md'] } }];

  document.getElementById('open-file')!.addEventListener('click', () => {
    void (async () => {
      if (picker.showOpenFilePicker) {
        const [handle] = (await picker.showOpenFilePicker({ types: markdownTypes }).catch(() => [])) as Handle[];
        if (!handle) return;
        const file = await handle.getFile();
        await create({ name: file.name, text: await file.text(), images: new Map() });
        if (current()) handles.set(current()!.name, handle);
        return;
      }
      const [file] = await choose('.md,text/markdown');
      if (file) await create({ name: file.name, text: await file.text(), images: new Map() });
    })();
  });
  document.getElementById('save-file')!.addEventListener('click', () => {
    void (async () => {
      const lesson = current();
      if (!lesson) return;
      let handle = handles.get(lesson.name);
      if (!handle && picker.showSaveFilePicker) {
        handle = (await picker.showSaveFilePicker({ suggestedName: lesson.name, types: markdownTypes }).catch(() => undefined)) as Handle | undefined;
        if (!handle) return;
        handles.set(lesson.name, handle);
      }
      if (handle) {
        const writable = await handle.createWritable();
        await writable.write(lesson.text);
        await writable.close();
        return;
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([lesson.text], { type: 'text/markdown' }));
      link.download = lesson.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    })();
  });

  const addImages = async (images: File[]) => {
    const lesson = current();
    if (!lesson) return;
    for (const image of images.filter((file) => /^image\//.test(file.type))) {
      const path = `images/${image.name.replace(/[^\w.-]+/g, '-')}`;
      const data = new Uint8Array(await image.arrayBuffer());
      await workspace.saveImage(lesson.name, path, data);
      lesson.images.set(path, data);
      const alt = image.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
      view.dispatch(view.state.replaceSelection(`![${alt}](${path})`));
    }
    changed(lesson);
  };
  document
    .getElementById('add-image')!
    .addEventListener('click', () => void choose('image/png,image/jpeg,image/gif,image/svg+xml,image/webp', true).then(addImages));
  view.dom.addEventListener('dragover', (event) => event.preventDefault());
  view.dom.addEventListener('drop', (event) => {
    const dropped = [...(event.dataTransfer?.files ?? [])];
    if (dropped.some((file) => file.type.startsWith('image/'))) {
      event.preventDefault();
      void addImages(dropped);
    }
  });
}

void start().catch((error: unknown) => {
  status(`The studio could not start: ${error instanceof Error ? error.message : String(error)}`);
  throw error;
});
