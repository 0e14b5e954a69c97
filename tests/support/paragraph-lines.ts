// Where the paragraphs of a tagged PDF fall: for each paragraph (a P element, in the body, a list item or a card), how
// many of its lines each page holds. The paragraphs and their marked content come from the structure tree (through
// qpdf's JSON); where each piece of marked text sits on its page comes from pdf.js.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Pdf, readObjects, type Value } from './pdf-ua.ts';

export interface ParagraphOnPages {
  /** The paragraph's text, for a failure message. */
  text: string;
  /** Its lines on each page it reaches, in page order. */
  parts: { page: number; lines: number }[];
}

/** Every P element's marked content, as pdf.js names it (`p12R_mc3`: MCID 3 on the page that is object 12). */
function paragraphContent(bytes: Uint8Array): string[][] {
  const pdf = new Pdf(readObjects(bytes));
  const root = pdf.dict(pdf.catalog()['/StructTreeRoot']);
  const paragraphs: string[][] = [];
  const pageId = (reference: Value | undefined) =>
    typeof reference === 'string' ? reference.replace(/^(\d+) (\d+) R$/, (_, num, gen) => `p${num}R${gen === '0' ? '' : gen}`) : '';
  const walk = (value: Value | undefined, page: Value | undefined, into: string[] | undefined, depth: number) => {
    if (depth > 60) return;
    if (typeof value === 'number') {
      into?.push(`${pageId(page)}_mc${value}`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((child) => walk(child, page, into, depth + 1));
      return;
    }
    const element = pdf.dict(value);
    if (!element) return;
    if (element['/Type'] === '/MCR') {
      into?.push(`${pageId(element['/Pg'] ?? page)}_mc${String(element['/MCID'])}`);
      return;
    }
    if (element['/Type'] === '/OBJR') return;
    let collecting = into;
    if (element['/S'] === '/P' && !into) {
      collecting = [];
      paragraphs.push(collecting);
    }
    walk(element['/K'], element['/Pg'] ?? page, collecting, depth + 1);
  };
  walk(root?.['/K'], undefined, undefined, 0);
  return paragraphs;
}

export async function paragraphsOnPages(bytes: Uint8Array): Promise<ParagraphOnPages[]> {
  const structure = paragraphContent(bytes);
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const marked = new Map<string, { text: string; page: number; baselines: number[] }>();
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    for (const item of content.items as { type?: string; id?: string; str?: string; transform?: number[] }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined && item.str.trim() !== '' && item.transform) {
        const id = [...open].reverse().find((candidate) => candidate !== '');
        if (!id) continue;
        const entry = marked.get(id) ?? { text: '', page: number, baselines: [] };
        entry.text += item.str;
        entry.baselines.push(item.transform[5]);
        marked.set(id, entry);
      }
    }
  }
  await document.destroy();
  return structure.map((ids) => {
    const byPage = new Map<number, number[]>();
    let text = '';
    for (const id of ids) {
      const entry = marked.get(id);
      if (!entry) continue;
      text += entry.text;
      byPage.set(entry.page, [...(byPage.get(entry.page) ?? []), ...entry.baselines]);
    }
    return { text, parts: [...byPage].sort(([a], [b]) => a - b).map(([page, baselines]) => ({ page, lines: linesOf(baselines) })) };
  });
}

/** Baselines a few points apart are one line (a formula or a superscript sits a little off the line). */
function linesOf(baselines: number[]): number {
  const sorted = [...baselines].sort((a, b) => a - b);
  return sorted.filter((baseline, index) => index === 0 || baseline - sorted[index - 1] > 4).length;
}

/** The paragraphs that leave one line alone on a page: at the foot of one page, or at the head of the next. */
export function loneLines(paragraphs: ParagraphOnPages[]): string[] {
  return paragraphs
    .filter((paragraph) => paragraph.parts.length > 1 && paragraph.parts.some((part) => part.lines === 1))
    .map(
      (paragraph) =>
        `${paragraph.parts.map((part) => `page ${part.page}: ${part.lines} line${part.lines === 1 ? '' : 's'}`).join(', ')} — "${paragraph.text.slice(0, 70)}…"`,
    );
}
