// reveal.js's own files: every deck gets a copy, so that each lesson's folder works alone.
import { revealFiles } from '../deck/render-deck.ts';
import { lecternFile } from '../shared/lectern-files.ts';

/** The name among Lectern's files of a file in reveal.js's dist/ folder. */
export const revealFileName = (name: string) => `reveal.js/dist/${name}`;

/** The reveal.js files a deck in this theme loads, by their path in reveal.js's dist/ folder. */
export function readRevealFiles(theme: string): Map<string, Uint8Array> {
  return new Map(revealFiles(theme).map((name) => [name, lecternFile(revealFileName(name))]));
}
