// Code on paper: the monospaced font, with token kinds told apart in black and white (bold keywords, grey comments,
// dark grey strings), highlighted by the same highlighter as the deck.
import { codeTokens } from '../../shared/highlight-code.ts';
import type { Run } from './rich-text.ts';

const BOLD = new Set(['keyword', 'built', 'literal', 'type', 'selector', 'section', 'name']);
/** Greys that print on any printer and read at 4.5:1 or more on white. */
const GREY: Record<string, string> = { comment: '#5c5c5c', quote: '#5c5c5c', meta: '#5c5c5c', string: '#3d3d3d', regexp: '#3d3d3d' };

export function codeRuns(code: string, language: string | null | undefined): Run[] {
  return codeTokens(code, language).map((token) => {
    const kind = token.kind ?? '';
    return { text: token.text, bold: BOLD.has(kind), muted: false, code: true, ...(GREY[kind] ? { color: GREY[kind] } : {}) };
  });
}
