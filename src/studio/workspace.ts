// Where the studio keeps lessons, their images and a teacher's templates: in this browser's own storage (IndexedDB;
// they survive a reload and a restart), or, when `lectern studio` serves the page, in the lesson files of a folder on
// this computer, through the small API of studio-server/.
import { createStore, get, set, type UseStore } from 'idb-keyval';

export interface WorkspaceLesson {
  /** Its file name, e.g. `rivers.md`. */
  name: string;
  text: string;
  /** Its images, by their path relative to it. */
  images: Map<string, Uint8Array>;
}

export interface Workspace {
  kind: 'browser' | 'folder';
  /** Where lessons are kept, for people. */
  where: string;
  /** The lessons' file names. */
  list: () => Promise<string[]>;
  load: (name: string) => Promise<WorkspaceLesson | undefined>;
  saveText: (name: string, text: string) => Promise<void>;
  /** An image a lesson refers to, looked for again (a folder's lesson may refer to images saved since). */
  loadImage: (name: string, path: string) => Promise<Uint8Array | undefined>;
  saveImage: (name: string, path: string, data: Uint8Array) => Promise<void>;
  /** A new lesson, under a name no other lesson has; gives that name. */
  create: (lesson: WorkspaceLesson) => Promise<string>;
  /** The teacher's templates, by their path in a templates folder (`print/handout.hbs`). */
  templates: () => Promise<Map<string, string | Uint8Array>>;
  saveTemplate: (name: string, text: string) => Promise<void>;
  /** A folder's lessons can also be built to its output folder, as `lectern build` does. */
  buildToOutput?: (name: string) => Promise<string[]>;
}

/** A name no lesson has yet: `rivers.md`, else `rivers-2.md`, … */
export function freeName(wanted: string, taken: string[]): string {
  const base = wanted.replace(/\.md$/i, '');
  for (let count = 1; ; count++) {
    const name = count === 1 ? `${base}.md` : `${base}-${count}.md`;
    if (!taken.includes(name)) return name;
  }
}

export function browserWorkspace(): Workspace {
  const store: UseStore = createStore('lectern-studio', 'lessons');
  const names = async () => (await get<string[]>('lessons', store)) ?? [];
  const images = async (name: string) => (await get<Map<string, Uint8Array>>(`images:${name}`, store)) ?? new Map<string, Uint8Array>();
  const workspace: Workspace = {
    kind: 'browser',
    where: 'this browser',
    list: names,
    load: async (name) => {
      const text = await get<string>(`lesson:${name}`, store);
      return text === undefined ? undefined : { name, text, images: await images(name) };
    },
    saveText: async (name, text) => {
      await set(`lesson:${name}`, text, store);
      const known = await names();
      if (!known.includes(name)) await set('lessons', [...known, name].sort(), store);
    },
    loadImage: async (name, path) => (await images(name)).get(path),
    saveImage: async (name, path, data) => set(`images:${name}`, (await images(name)).set(path, data), store),
    create: async (lesson) => {
      const name = freeName(lesson.name, await names());
      if (lesson.images.size > 0) await set(`images:${name}`, lesson.images, store);
      await workspace.saveText(name, lesson.text);
      return name;
    },
    templates: async () => (await get<Map<string, string | Uint8Array>>('templates', store)) ?? new Map(),
    saveTemplate: async (name, text) => set('templates', (await workspace.templates()).set(name, text), store),
  };
  return workspace;
}

/**
 * The folder `lectern studio` serves, when it is the one serving this page (it marks the page with
 * `<meta name="lectern-folder">`); undefined on a static web host.
 */
export async function folderWorkspace(base: string): Promise<Workspace | undefined> {
  if (!document.querySelector('meta[name="lectern-folder"]')) return undefined;
  const api = (path: string) => new URL(`api/${path}`, base);
  const info = await fetch(api('workspace'))
    .then((response) => (response.ok && response.headers.get('content-type')?.includes('json') ? (response.json() as Promise<{ folder: string }>) : undefined))
    .catch(() => undefined);
  if (!info) return undefined;
  const checked = async (response: Promise<Response>) => {
    const answer = await response;
    if (!answer.ok) throw new Error((await answer.text()) || `The folder could not be reached (${answer.status}).`);
    return answer;
  };
  // The folder's lessons sit side by side: an image's path relative to a lesson is its path in the folder.
  const file = (path: string) => api(`files/${path.split('/').map(encodeURIComponent).join('/')}`);
  const names = async () => (await (await checked(fetch(api('lessons')))).json()) as string[];
  const workspace: Workspace = {
    kind: 'folder',
    where: info.folder,
    list: names,
    load: async (name) => {
      const response = await fetch(api(`lessons/${encodeURIComponent(name)}`));
      return response.ok ? { name, text: await response.text(), images: new Map() } : undefined;
    },
    saveText: async (name, text) => {
      await checked(fetch(api(`lessons/${encodeURIComponent(name)}`), { method: 'PUT', body: text }));
    },
    loadImage: async (_name, path) => {
      const response = await fetch(file(path));
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
    },
    saveImage: async (_name, path, data) => {
      await checked(fetch(file(path), { method: 'PUT', body: data as BodyInit }));
    },
    create: async (lesson) => {
      const name = freeName(lesson.name, await names());
      for (const [path, data] of lesson.images) await workspace.saveImage(name, path, data);
      await checked(fetch(api(`lessons/${encodeURIComponent(name)}?new`), { method: 'PUT', body: lesson.text }));
      return name;
    },
    templates: async () => {
      const listed = (await (await checked(fetch(api('templates')))).json()) as Record<string, string>;
      return new Map(Object.entries(listed));
    },
    saveTemplate: async (name, text) => {
      await checked(fetch(api(`templates/${encodeURI(name)}`), { method: 'PUT', body: text }));
    },
    buildToOutput: async (name) => (await (await checked(fetch(api(`build/${encodeURIComponent(name)}`), { method: 'POST' }))).json()) as string[],
  };
  return workspace;
}
