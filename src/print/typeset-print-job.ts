// Typeset print Markdown into a tagged PDF: one printable, on a worker of the print pool.
import type { Root } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import { parsePrintPiece, printMarkdownPieces } from '../lesson/parse-markdown.ts';
import { readLanguageSpans } from '../lesson/language-spans.ts';
import { VFile } from 'vfile';
import { MARGIN, createPdf, finishPdf } from './pdf-document.ts';
import { insertFragments, type Fragments } from './print-fragments.ts';
import type { PrintJob } from './plan-printables.ts';
import { isPrintableImage } from './printable-image.ts';
import { BODY_SIZE } from './typeset/block-shapes.ts';
import { printHandlers } from './typeset/handlers.ts';
import { typesetBlocks } from './typeset/typeset-nodes.ts';
import { groupColumns } from './typeset/group-columns.ts';
import { renewScratchPages } from './typeset/scratch-page.ts';
import { loadMath } from '../math/tex-to-svg.ts';
import { useSpeechTable } from '../math/tex-to-speech.ts';

const hasMath = (tree: Root): boolean => {
  let found = false;
  visit(tree, (node) => {
    if (node.type === 'math' || node.type === 'inlineMath') found = true;
    return found ? EXIT : undefined;
  });
  return found;
};

/** Typeset one printable into a tagged PDF. */
export async function typesetPrintJob(job: PrintJob, images: Map<string, Uint8Array>): Promise<Uint8Array> {
  const loadImage = (assetPath: string) => {
    const data = images.get(assetPath);
    return data && isPrintableImage(data) ? new Uint8Array(data) : undefined;
  };
  renewScratchPages();
  useSpeechTable(job.speech);
  const pdf = createPdf(job.meta, job.title, new Date(job.date), job.labels);
  const width = pdf.doc.page.width - MARGIN.left - MARGIN.right;
  for (const text of printMarkdownPieces(job.markdown)) {
    const section = await parseWithFragments(text, job.fragments);
    if (hasMath(section)) await loadMath();
    groupColumns(section);
    typesetBlocks(section.children, {
      doc: pdf.doc,
      parent: pdf.root,
      x: MARGIN.left,
      width,
      size: BODY_SIZE,
      loadImage,
      handlers: printHandlers,
      fillable: job.meta.fillable !== false,
    });
  }
  return finishPdf(pdf);
}

/**
 * A piece of print Markdown parsed, with the lesson's nodes where the template's markers are. A piece with a marker
 * where nodes cannot go is parsed again with the Markdown the markers stand for.
 */
async function parseWithFragments(text: string, fragments: Fragments | undefined): Promise<Root> {
  const tree = parsePrintPiece(text);
  if (!fragments || fragments.size === 0) return tree;
  const inserted = insertFragments(tree, fragments);
  if (inserted) return inserted;
  const { expandFragments } = await import('./fragment-markdown.ts');
  const expanded = parsePrintPiece(expandFragments(text, fragments));
  // Its problems were reported when the lesson was read.
  readLanguageSpans(expanded, new VFile());
  return expanded;
}
