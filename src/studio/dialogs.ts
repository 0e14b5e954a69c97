// The studio's dialogs: a new lesson from a lesson template, importing an article or a deck with its pictures, and
// editing the templates (deck and print) that the previews and downloads use.
import type { TemplateFiles } from '../shared/template-files.ts';

interface DialogParts {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  actions: HTMLElement;
}

function parts(title: string): DialogParts {
  const dialog = document.getElementById('dialog') as HTMLDialogElement;
  document.getElementById('dialog-title')!.textContent = title;
  const body = document.getElementById('dialog-body')!;
  const actions = document.getElementById('dialog-actions')!;
  body.replaceChildren();
  actions.replaceChildren();
  return { dialog, body, actions };
}

function field(label: string, control: HTMLElement): HTMLElement[] {
  const id = `field-${label.toLowerCase().replace(/\W+/g, '-')}`;
  control.id = id;
  const element = document.createElement('label');
  element.htmlFor = id;
  element.textContent = label;
  return [element, control];
}

/**
 * A button that closes the dialog with its value. Only the primary one submits the form, so Enter in a text field
 * does what the primary button does (a cancel button first in the form would otherwise take Enter).
 */
function actionButton(text: string, value: string, primary = false): HTMLButtonElement {
  const button = document.createElement('button');
  button.value = value;
  button.textContent = text;
  if (primary) button.className = 'primary';
  else {
    button.type = 'button';
    button.addEventListener('click', () => (document.getElementById('dialog') as HTMLDialogElement).close(value));
  }
  return button;
}

/** Show the dialog; resolves with the value of the button that closed it ('' for Escape). */
function run({ dialog }: DialogParts, first: HTMLElement): Promise<string> {
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    first.focus();
  });
}

export async function askNewLesson(templates: string[]): Promise<{ title: string; from: string } | undefined> {
  const dialog = parts('New lesson');
  const title = document.createElement('input');
  title.type = 'text';
  title.required = true;
  title.placeholder = 'e.g. The Water Cycle';
  const from = document.createElement('select');
  for (const name of templates) from.append(new Option(name, name, name === 'basic', name === 'basic'));
  dialog.body.append(...field('Title', title), ...field('Start from', from));
  dialog.actions.append(actionButton('Cancel', 'cancel'), actionButton('Create', 'create', true));
  const answer = await run(dialog, title);
  return answer === 'create' && title.value.trim() ? { title: title.value.trim(), from: from.value } : undefined;
}

/** The file to import (an article or a deck), and the other files chosen with it (a deck's pictures), by path. */
export async function askImport(): Promise<{ main: { name: string; text: string }; others: Map<string, Uint8Array> } | undefined> {
  const dialog = parts('Import an article or a slide deck');
  const intro = document.createElement('p');
  intro.textContent =
    'Choose an article (a .txt file, or a web page saved as .html), or a Marp, reveal.js, Pandoc, Quarto (.qmd), GitPitch, remark.js or Slidev deck (.md) together with its pictures. Lectern makes a lesson draft of it and says what it converted.';
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = '.md,.markdown,.txt,.qmd,.html,.htm,image/*';
  dialog.body.append(intro, ...field('Files', input));
  dialog.actions.append(actionButton('Cancel', 'cancel'), actionButton('Import', 'import', true));
  if ((await run(dialog, input)) !== 'import') return undefined;
  const files = [...(input.files ?? [])];
  const main = files.find((file) => /\.(md|markdown|txt|qmd|html?)$/i.test(file.name));
  if (!main) return undefined;
  const others = new Map<string, Uint8Array>();
  for (const file of files.filter((candidate) => candidate !== main)) {
    const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath?.replace(/^[^/]+\//, '') || file.name;
    others.set(path, new Uint8Array(await file.arrayBuffer()));
  }
  return { main: { name: main.name, text: await main.text() }, others };
}

/**
 * Edit a template: the teacher's copy when there is one, else Lectern's. Saved copies replace Lectern's file by file, as
 * a templates folder does for `lectern build --templates`. Resolves true when one was saved.
 */
export async function editTemplates(
  own: TemplateFiles,
  teacher: Map<string, string | Uint8Array>,
  save: (name: string, text: string) => Promise<void>,
): Promise<boolean> {
  const dialog = parts('Templates');
  const intro = document.createElement('p');
  intro.textContent =
    'Change how the slides and the printables look. Your copy of a template is used instead of Lectern’s, for this studio’s previews and downloads.';
  const names = [...new Set([...own.files.keys(), ...teacher.keys()])].filter((name) => /\.(hbs|css|md)$/.test(name)).sort();
  const choice = document.createElement('select');
  for (const name of names) choice.append(new Option(`${name}${teacher.has(name) ? ' (yours)' : ''}`, name));
  const text = document.createElement('textarea');
  text.spellcheck = false;
  const load = () => {
    const value = teacher.get(choice.value) ?? own.files.get(choice.value) ?? '';
    text.value = typeof value === 'string' ? value : new TextDecoder().decode(value);
  };
  choice.addEventListener('change', load);
  load();
  dialog.body.append(intro, ...field('Template', choice), ...field('Text', text));
  dialog.actions.append(actionButton('Close', 'close'), actionButton('Save my copy', 'save', true));
  if ((await run(dialog, choice)) !== 'save') return false;
  await save(choice.value, text.value);
  return true;
}
