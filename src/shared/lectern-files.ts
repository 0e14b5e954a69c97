// Lectern's own files that the pipeline reads while it works (fonts, the world's outlines, reveal.js), asked for by name
// from the host that runs it: Node reads them from disk; the studio fetches them from its own site beforehand. Names
// are a package and a path in it, `lectern/fonts/Pretendard-Regular.ttf` or `world-atlas/countries-50m.json`.

export interface LecternFiles {
  /** The file's bytes now, or undefined when the host does not have it at hand (a browser that has not fetched it yet). */
  read: (name: string) => Uint8Array | undefined;
}

/** A file the host did not have at hand: a browser host fetches it and runs the work again. */
export class MissingLecternFile extends Error {
  constructor(readonly fileName: string) {
    super(`Lectern's file ${fileName} is not loaded.`);
  }
}

let host: LecternFiles | undefined;

/** The host says where Lectern's files come from, once, before the pipeline runs. */
export function useLecternFiles(files: LecternFiles): void {
  host = files;
}

export function lecternFile(name: string): Uint8Array {
  if (!host) throw new Error(`Lectern's files have no host: call useLecternFiles() before running the pipeline (it asked for ${name}).`);
  const data = host.read(name);
  if (!data) throw new MissingLecternFile(name);
  return data;
}

export function lecternTextFile(name: string): string {
  return new TextDecoder().decode(lecternFile(name));
}
