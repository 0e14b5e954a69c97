// Every slide tool Lectern imports from, each in its own module: to add one, write its module and add it here. When a
// deck shows as many signs of two tools, the earlier one wins.
import type { DeckFlavour, Dialect } from './dialect.ts';
import { gitpitchDialect } from './gitpitch.ts';
import { marpDialect } from './marp.ts';
import { pandocDialect } from './pandoc.ts';
import { quartoDialect } from './quarto.ts';
import { remarkDialect } from './remark.ts';
import { revealDialect } from './reveal.ts';
import { slidevDialect } from './slidev.ts';

export const DIALECTS: Record<DeckFlavour, Dialect> = {
  marp: marpDialect,
  reveal: revealDialect,
  pandoc: pandocDialect,
  gitpitch: gitpitchDialect,
  quarto: quartoDialect,
  remark: remarkDialect,
  slidev: slidevDialect,
};
