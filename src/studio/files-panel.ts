// The lesson's files under the previews: each printable shown page by page from its PDF, each file to download or
// print, and "Download all": a zip laid out as `lectern build`'s output folder for the lesson.
import { countOf } from '../shared/count-of.ts';
import { PRINTABLES } from '../shared/printables.ts';
import { zipFiles } from '../shared/zip-files.ts';
import type { MadeFiles } from './core-worker.ts';
import { showPdfPages } from './printable-pages.ts';

export interface FilesPanel {
  show: (lessonName: string, made: MadeFiles) => void;
  clear: () => void;
  downloadAll: (lessonName: string, made: MadeFiles) => void;
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
  html: 'text/html',
};

export function download(name: string, data: Uint8Array): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([data as BlobPart], { type: TYPES[name.replace(/^.*\./, '')] ?? 'application/octet-stream' }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** Print a PDF from a frame of its own (the browser's PDF viewer prints it as it is). */
function printPdf(data: Uint8Array): void {
  const frame = document.createElement('iframe');
  frame.title = 'Printing';
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = URL.createObjectURL(new Blob([data as BlobPart], { type: 'application/pdf' }));
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => {
      URL.revokeObjectURL(frame.src);
      frame.remove();
    }, 60_000);
  });
  document.body.append(frame);
}

/** The zip "Download all" gives: every file in a folder named after the lesson, as `lectern build` lays them out. */
export function lessonZip(lessonName: string, files: Map<string, Uint8Array>): Uint8Array {
  const slug = lessonName.replace(/\.md$/i, '');
  const date = new Date();
  return zipFiles(
    [...files].map(([name, data]): [string, Uint8Array] => [`${slug}/${name}`, data]),
    new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes())),
  );
}

export function filesPanel(list: HTMLElement, pages: HTMLElement, base: string, status: (text: string) => void): FilesPanel {
  let selected: string | undefined;
  let drawing = 0;

  const showPages = (file: string, title: string, data: Uint8Array) => {
    selected = file;
    const turn = ++drawing;
    for (const button of list.querySelectorAll<HTMLButtonElement>('button[aria-pressed]'))
      button.setAttribute('aria-pressed', String(button.dataset.file === file));
    const width = Math.max(280, Math.min(760, pages.clientWidth - 32));
    // Drawn into a new container, swapped in when complete, so the pages do not flicker while they are redrawn.
    const next = document.createElement('div');
    next.className = 'pages';
    void showPdfPages(next, data, title, base, width).then(
      (count) => {
        if (turn !== drawing) return;
        pages.replaceChildren(...next.childNodes);
        pages.setAttribute('aria-label', `${title}: ${count} ${count === 1 ? 'page' : 'pages'}`);
      },
      (error: unknown) => status(`The ${title.toLowerCase()} could not be shown: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  const entry = (label: string, actions: HTMLElement[]) => {
    const item = document.createElement('div');
    item.className = 'file-entry';
    item.setAttribute('role', 'listitem');
    item.setAttribute('aria-label', label);
    item.append(...actions);
    return item;
  };
  const button = (text: string, label: string, action: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.addEventListener('click', action);
    return element;
  };

  return {
    show: (lessonName, made) => {
      const slug = lessonName.replace(/\.md$/i, '');
      const items: HTMLElement[] = [];
      const pdfs = PRINTABLES.filter((printable) => made.files.has(printable.file));
      for (const printable of pdfs) {
        const data = made.files.get(printable.file)!;
        const show = button(printable.title, `Show the ${printable.title.toLowerCase()}`, () => showPages(printable.file, printable.title, data));
        show.dataset.file = printable.file;
        show.setAttribute('aria-pressed', 'false');
        items.push(
          entry(printable.title, [
            show,
            button('Download', `Download the ${printable.title.toLowerCase()} (${printable.file})`, () => download(`${slug}-${printable.file}`, data)),
            button('Print', `Print the ${printable.title.toLowerCase()}`, () => printPdf(data)),
          ]),
        );
      }
      const pptx = made.files.get(`${slug}.pptx`);
      if (pptx)
        items.push(entry('PowerPoint file', [button('PowerPoint file', `Download the PowerPoint file (${slug}.pptx)`, () => download(`${slug}.pptx`, pptx))]));
      const deck = new Map([...made.files].filter(([name]) => !name.endsWith('.pdf') && !name.endsWith('.pptx')));
      if (deck.has('index.html'))
        items.push(
          entry('Slide deck', [
            button('Slide deck (.zip)', `Download the slide deck as a folder (${slug}-deck.zip)`, () =>
              download(`${slug}-deck.zip`, lessonZip(lessonName, deck)),
            ),
          ]),
        );
      list.replaceChildren(...items);
      if (made.files.size === 0) {
        const note = document.createElement('p');
        note.textContent = 'Fix the errors listed under Problems: then the printables are made again.';
        pages.replaceChildren(note);
        return;
      }
      const again = pdfs.find((printable) => printable.file === selected) ?? pdfs[0];
      if (again) showPages(again.file, again.title, made.files.get(again.file)!);
      else pages.replaceChildren();
    },
    clear: () => {
      list.replaceChildren();
      pages.replaceChildren();
    },
    downloadAll: (lessonName, made) => {
      const name = `${lessonName.replace(/\.md$/i, '')}.zip`;
      download(name, lessonZip(lessonName, made.files));
      status(`Downloaded ${name}: ${countOf(made.files.size, 'file')}, laid out as lectern build's output folder.`);
    },
  };
}
