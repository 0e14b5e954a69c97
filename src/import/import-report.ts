// What an import did, as messages on the imported file, said by the one reporter like a build's: what was converted
// and what was dropped (notes), and what the teacher has to decide or finish by hand (warnings), each at its source line.
import { VFile } from 'vfile';
import { report } from '../lesson/problems.ts';

export class ImportReport {
  readonly file: VFile;
  /** `path` is the imported file as the teacher named it. */
  constructor(path: string) {
    this.file = new VFile({ path });
  }
  /** `line` is the line in the source file; 0 for the file as a whole. */
  converted(line: number, text: string): void {
    this.say('note', line, `Converted: ${text}`, 'import-converted');
  }
  dropped(line: number, text: string): void {
    this.say('note', line, `Dropped: ${text}`, 'import-dropped');
  }
  decide(line: number, text: string): void {
    this.say(
      'warning',
      line,
      text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()),
      'import-decide',
    );
  }
  private say(severity: 'note' | 'warning', line: number, text: string, ruleId: string): void {
    report(this.file, severity, /[.!?]$/.test(text) ? text : `${text}.`, line > 0 ? { line, column: 1 } : undefined, ruleId);
  }
}
