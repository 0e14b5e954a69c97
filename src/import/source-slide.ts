// A slide of a deck as its tool cut it: its source lines, with their line numbers in the deck.

export interface SourceLine {
  text: string;
  /** Line in the source deck (1-based). */
  line: number;
}

export interface SourceSlide {
  lines: SourceLine[];
  /** A background picture (GitPitch `---?image=`, remark.js `background-image:`, Slidev `image:`), shown as an image. */
  background?: SourceLine;
  /** The slide's own settings (Slidev's front matter of a slide), by name. */
  settings?: Map<string, { value: string; line: number }>;
}
