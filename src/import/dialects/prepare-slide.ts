// The dialects whose own syntax is turned into common Markdown before a slide is converted (convert-slide.ts): each
// dialect's rules are read in its own module.
import type { DeckReport } from '../deck-report.ts';
import type { DeckFlavour } from '../detect-deck.ts';
import type { SourceSlide } from '../source-slide.ts';
import { prepareQuartoSlide } from './quarto.ts';
import { prepareRemarkSlide, type PreparedSlide } from './remark.ts';
import { prepareSlidevSlide } from './slidev.ts';

const preparers: Partial<Record<DeckFlavour, (slide: SourceSlide, report: DeckReport) => PreparedSlide>> = {
  remark: prepareRemarkSlide,
  quarto: (slide, report) => ({ ...prepareQuartoSlide(slide, report), notes: [] }),
  slidev: (slide, report) => ({ ...prepareSlidevSlide(slide, report), notes: [] }),
};

/** The slide in common Markdown, with the notes its dialect keeps apart, or why it is no slide of the lesson. */
export function prepareSlide(flavour: DeckFlavour, slide: SourceSlide, report: DeckReport): PreparedSlide {
  return preparers[flavour]?.(slide, report) ?? { ...slide, notes: [] };
}
