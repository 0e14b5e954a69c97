// Lectern's own files in a browser (shared/lectern-files.ts): fetched from the studio's own site, `files/<name>`, the
// first time the pipeline asks for one, and kept. The service worker keeps them for when the studio is offline.
import { MissingLecternFile, useLecternFiles } from '../shared/lectern-files.ts';

const fetched = new Map<string, Uint8Array>();
const fetching = new Map<string, Promise<void>>();
let base = '';

/** `siteBase` is the address of the studio's folder (where index.html is). */
export function useBrowserLecternFiles(siteBase: string): void {
  base = siteBase;
  useLecternFiles({ read: (name) => fetched.get(name) });
}

export function fetchLecternFile(name: string): Promise<void> {
  if (fetched.has(name)) return Promise.resolve();
  let pending = fetching.get(name);
  if (!pending) {
    pending = fetch(new URL(`files/${name}`, base)).then(async (response) => {
      if (!response.ok)
        throw new Error(
          `The studio could not load its file ${name} (${response.status}). Reload the page; if you are offline, connect once so the studio can keep it.`,
        );
      fetched.set(name, new Uint8Array(await response.arrayBuffer()));
    });
    fetching.set(name, pending);
    pending.catch(() => fetching.delete(name));
  }
  return pending;
}

/**
 * Run work that reads Lectern's files: when it asks for one not fetched yet, fetch it and run the work again (the
 * pipeline's work is the same every time it runs, so running it again is safe). Each file is fetched once.
 */
export async function withLecternFiles<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const missing = missingFile(error);
      if (!missing || fetched.has(missing)) throw error;
      await fetchLecternFile(missing);
    }
  }
}

/** The file a failure was missing, also when a library wrapped the error. */
function missingFile(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) if (cause instanceof MissingLecternFile) return cause.fileName;
  return undefined;
}
