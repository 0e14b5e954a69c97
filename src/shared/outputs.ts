// The outputs a build can be limited to (`--only`, `outputs:` in lectern.config.yaml): the deck, the PowerPoint file
// and each printable, by name.
import { PRINTABLE_NAMES } from './printables.ts';

/** `deck` is the deck's folder (and the single-file deck with `--single-file`); the rest are one file each. */
export const OUTPUT_NAMES: readonly string[] = ['deck', 'pptx', ...PRINTABLE_NAMES];
