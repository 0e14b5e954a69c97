// What an import did, one line each with the source line it is about: converted, dropped (and why), or left for the teacher.

export type ReportKind = 'converted' | 'dropped' | 'decide';

export interface ReportLine {
  kind: ReportKind;
  /** Line in the source deck; 0 for the deck as a whole. */
  line: number;
  text: string;
}

export class DeckReport {
  readonly lines: ReportLine[] = [];
  converted(line: number, text: string): void {
    this.lines.push({ kind: 'converted', line, text });
  }
  dropped(line: number, text: string): void {
    this.lines.push({ kind: 'dropped', line, text });
  }
  decide(line: number, text: string): void {
    this.lines.push({ kind: 'decide', line, text });
  }
  of(kind: ReportKind): ReportLine[] {
    return this.lines.filter((entry) => entry.kind === kind).sort((a, b) => a.line - b.line);
  }
}
