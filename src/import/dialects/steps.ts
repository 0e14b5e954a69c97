// Steps that add to a slide on the next click (remark.js `--`, Quarto `. . .`): a list that grows item by item is
// revealed one item at a time (`::: incremental`); any other step is shown with the rest of the slide.
import type { ImportReport } from '../import-report.ts';
import type { SourceLine } from '../source-slide.ts';

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const CONTINUATION = /^\s{2,}\S/;

export class SlideSteps {
  private stepped = false;
  private listOpen = false;

  /** `marker` names the step in the report (`--`, `. . .`). */
  constructor(
    private readonly marker: string,
    private readonly report: ImportReport,
  ) {}

  /** A step marker: what follows is added on the next click. */
  step(): void {
    this.stepped = true;
  }

  /** Before a line of the slide is put in `out`: open or close the list revealed one item at a time. */
  before(out: SourceLine[], text: string, line: number): void {
    if (text.trim() === '') return;
    const item = LIST_ITEM.test(text);
    if (this.stepped) {
      this.stepped = false;
      const start = item && !this.listOpen ? lastListStart(out) : -1;
      if (start >= 0) {
        out.splice(start, 0, { text: '::: incremental', line });
        this.listOpen = true;
        this.report.converted(line, `the \`${this.marker}\` steps between list items → a list revealed one item at a time (\`:::incremental\`)`);
      } else if (!item) this.report.converted(line, `a \`${this.marker}\` step: its text is shown with the rest of the slide`);
    }
    if (this.listOpen && !item && !CONTINUATION.test(text)) {
      out.push({ text: ':::', line }, { text: '', line });
      this.listOpen = false;
    }
  }

  /** At the end of the slide: close the list. */
  finish(out: SourceLine[], line: number): void {
    if (this.listOpen) out.push({ text: ':::', line });
    this.listOpen = false;
  }
}

/** Where the list that ends the lines so far starts (its first item), or -1. */
function lastListStart(lines: SourceLine[]): number {
  let index = lines.length - 1;
  while (index >= 0 && lines[index].text.trim() === '') index--;
  if (index < 0 || !(LIST_ITEM.test(lines[index].text) || CONTINUATION.test(lines[index].text))) return -1;
  let start = index;
  for (let at = index; at >= 0; at--) {
    if (LIST_ITEM.test(lines[at].text)) start = at;
    else if (lines[at].text.trim() !== '' && !CONTINUATION.test(lines[at].text)) break;
  }
  return start;
}
