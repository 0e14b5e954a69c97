// A PDF/UA-1 machine check, written from the Matterhorn Protocol 1.1's checkpoints that a program can decide. It reads
// the PDF's objects through qpdf's JSON (qpdf must be installed) and walks the structure tree, the annotations, the
// fonts and every page's content stream. Each finding names its checkpoint, e.g. "15-003".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Finding {
  checkpoint: string;
  message: string;
}

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
interface PdfObject {
  value?: Value;
  stream?: { dict: Record<string, Value>; data?: string };
}

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which need no role mapping. */
const STANDARD = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** Operators that paint: text, paths, shadings, images and forms. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'Do', 'BI']);

export function readObjects(pdf: Uint8Array): Map<string, PdfObject> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pdf-ua-'));
  try {
    const file = path.join(folder, 'check.pdf');
    writeFileSync(file, pdf);
    const json = execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 512 * 1024 * 1024 }).toString(
      'utf8',
    );
    const objects = (JSON.parse(json) as { qpdf: [unknown, Record<string, PdfObject>] }).qpdf[1];
    return new Map(Object.entries(objects).map(([key, object]) => [key.replace(/^obj:/, ''), object]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The objects of a PDF, with references followed. */
export class Pdf {
  constructor(readonly objects: Map<string, PdfObject>) {}

  resolve(value: Value | undefined): Value | undefined {
    for (let depth = 0; typeof value === 'string' && / \d+ R$/.test(value) && depth < 10; depth++) {
      const object = this.objects.get(value);
      value = object?.stream ? (object.stream.dict as Value) : object?.value;
    }
    return value;
  }

  dict(value: Value | undefined): Record<string, Value> | undefined {
    const resolved = this.resolve(value);
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : undefined;
  }

  array(value: Value | undefined): Value[] {
    const resolved = this.resolve(value);
    return Array.isArray(resolved) ? resolved : resolved === undefined || resolved === null ? [] : [resolved];
  }

  streamText(reference: Value | undefined): string {
    if (typeof reference !== 'string') return '';
    const data = this.objects.get(reference)?.stream?.data;
    return data ? Buffer.from(data, 'base64').toString('latin1') : '';
  }

  catalog(): Record<string, Value> {
    for (const object of this.objects.values()) {
      const value = object.value;
      if (value && typeof value === 'object' && !Array.isArray(value) && value['/Type'] === '/Catalog') return value;
    }
    throw new Error('The PDF has no catalog.');
  }
}

const name = (value: Value | undefined) => (typeof value === 'string' && value.startsWith('/') ? value.slice(1) : undefined);
const text = (value: Value | undefined) => (typeof value === 'string' ? value.replace(/^[ub]:/, '') : undefined);

/** The tokens of a content stream (strings, names, numbers, operators), enough to follow marked content. */
function tokens(content: string): string[] {
  const found: string[] = [];
  let at = 0;
  while (at < content.length) {
    const character = content[at];
    if (/\s/.test(character)) at++;
    else if (character === '%') while (at < content.length && content[at] !== '\n') at++;
    else if (character === '(') {
      let depth = 0;
      const start = at;
      for (; at < content.length; at++) {
        if (content[at] === '\\') at++;
        else if (content[at] === '(') depth++;
        else if (content[at] === ')' && --depth === 0) break;
      }
      found.push(content.slice(start, ++at));
    } else if (character === '<' && content[at + 1] === '<') {
      found.push('<<');
      at += 2;
    } else if (character === '>' && content[at + 1] === '>') {
      found.push('>>');
      at += 2;
    } else if (character === '<') {
      const end = content.indexOf('>', at);
      found.push(content.slice(at, end + 1));
      at = end + 1;
    } else if ('[]{}'.includes(character)) {
      found.push(character);
      at++;
    } else {
      const match = /^\/?[^\s()<>[\]{}/%]*/.exec(content.slice(at))![0] || character;
      found.push(match);
      at += match.length;
      if (match === 'ID') {
        // Inline image data runs to EI.
        const end = content.indexOf('EI', at);
        at = end < 0 ? content.length : end + 2;
        found.push('EI');
      }
    }
  }
  return found;
}

/** Painting outside marked content that is tagged (an MCID) or an artifact: Matterhorn 01-005 (tagged) and 01-006. */
function untaggedPainting(content: string): number {
  const stack: ('tagged' | 'artifact' | 'other')[] = [];
  let operands: string[] = [];
  let untagged = 0;
  for (const token of tokens(content)) {
    if (/^[A-Za-z'"*]+$/.test(token) && !['true', 'false', 'null'].includes(token)) {
      if (token === 'BDC' || token === 'BMC') {
        const tag = operands.find((operand) => operand.startsWith('/'));
        stack.push(tag === '/Artifact' ? 'artifact' : operands.includes('/MCID') ? 'tagged' : 'other');
      } else if (token === 'EMC') stack.pop();
      else if (PAINTING.has(token) && !stack.some((entry) => entry === 'tagged' || entry === 'artifact')) untagged++;
      operands = [];
    } else operands.push(token);
  }
  return untagged;
}

export function checkPdfUa(bytes: Uint8Array): Finding[] {
  const pdf = new Pdf(readObjects(bytes));
  const findings: Finding[] = [];
  const fail = (checkpoint: string, message: string) => findings.push({ checkpoint, message });
  const catalog = pdf.catalog();

  if (pdf.dict(catalog['/MarkInfo'])?.['/Marked'] !== true) fail('01-001', 'The document is not marked as tagged (/MarkInfo /Marked true).');
  const metadata = pdf.streamText(catalog['/Metadata']);
  if (!/pdfuaid:part(?:="1"|>1<)/.test(metadata)) fail('06-002', 'The metadata does not identify the file as PDF/UA (pdfuaid:part 1).');
  if (!/<dc:title>/.test(metadata)) fail('06-003', 'The metadata has no dc:title.');
  if (pdf.dict(catalog['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true) fail('07-001', 'The window does not show the document title (/DisplayDocTitle).');
  if (!text(catalog['/Lang'])) fail('11-006', 'The document declares no natural language (/Lang).');

  const root = pdf.dict(catalog['/StructTreeRoot']);
  if (!root) fail('01-007', 'The document has no structure tree.');
  const roleMap = pdf.dict(root?.['/RoleMap']) ?? {};

  // The structure tree: standard types, headings in order, tables, figures, links and forms.
  const headings: number[] = [];
  const annotationsInTree = new Map<string, string>();
  const visit = (element: Value | undefined, parentType: string, depth: number) => {
    if (depth > 200) return;
    const node = pdf.dict(element);
    if (!node) return;
    if (node['/Type'] === '/OBJR') {
      if (typeof node['/Obj'] === 'string') annotationsInTree.set(node['/Obj'], parentType);
      return;
    }
    if (node['/Type'] === '/MCR') return;
    const written = name(node['/S']);
    if (!written) return;
    const type = STANDARD.has(written) ? written : (name(roleMap[`/${written}`]) ?? written);
    if (!STANDARD.has(type)) fail('02-001', `The structure type ${written} is neither standard nor role-mapped to one.`);
    const level = /^H([1-6])$/.exec(type)?.[1];
    if (level) headings.push(Number(level));
    if (type === 'Figure' && !text(node['/Alt']) && !text(node['/ActualText'])) fail('13-004', 'A Figure has no alternate text (/Alt).');
    if (type === 'Formula' && !text(node['/Alt']) && !text(node['/ActualText'])) fail('17-002', 'A Formula has no alternate text (/Alt).');
    if (type === 'TH') {
      const attributes = pdf.array(node['/A']).map((attribute) => pdf.dict(attribute));
      const scope = attributes.find((attribute) => attribute?.['/O'] === '/Table')?.['/Scope'];
      if (!scope && !node['/ID']) fail('15-003', 'A table header cell (TH) has no /Scope.');
    }
    if (type === 'TR' && !['Table', 'THead', 'TBody', 'TFoot'].includes(parentType)) fail('09-004', `A table row (TR) sits in ${parentType}, not in a table.`);
    if ((type === 'TH' || type === 'TD') && parentType !== 'TR') fail('09-004', `A table cell (${type}) sits in ${parentType}, not in a row.`);
    if (type === 'Form' && !pdf.array(node['/K']).some((kid) => pdf.dict(kid)?.['/Type'] === '/OBJR'))
      fail('28-010', 'A Form element holds no form field (no widget annotation): it should be a paragraph, or the field should be there.');
    for (const kid of pdf.array(node['/K'])) visit(kid, type, depth + 1);
  };
  for (const kid of pdf.array(root?.['/K'])) visit(kid, 'StructTreeRoot', 0);
  if (headings.length > 0 && headings[0] !== 1) fail('14-002', `The first heading is H${headings[0]}, not H1.`);
  headings.forEach((level, index) => {
    if (index > 0 && level > headings[index - 1] + 1) fail('14-003', `A heading skips from H${headings[index - 1]} to H${level}.`);
  });

  // Pages: tab order, annotations in the structure, every painting tagged or an artifact.
  const fonts = new Set<string>();
  const pages = [...pdf.objects.entries()].filter(([, object]) => pdf.dict(object.value)?.['/Type'] === '/Page');
  pages.forEach(([, object], index) => {
    const page = pdf.dict(object.value)!;
    const annotations = pdf.array(page['/Annots']);
    if (annotations.length > 0 && page['/Tabs'] !== '/S') fail('19-003', `Page ${index + 1} has annotations but no structure tab order (/Tabs /S).`);
    for (const reference of annotations) {
      const annotation = pdf.dict(reference);
      const subtype = name(annotation?.['/Subtype']);
      if (!annotation || subtype === 'Popup' || subtype === 'PrinterMark') continue;
      const parent = typeof reference === 'string' ? annotationsInTree.get(reference) : undefined;
      if (!parent) fail('28-002', `A ${subtype} annotation on page ${index + 1} is not in the structure tree.`);
      else if (subtype === 'Link' && parent !== 'Link') fail('28-011', `A link on page ${index + 1} is in ${parent}, not in a Link element.`);
      else if (subtype === 'Widget' && parent !== 'Form') fail('28-010', `A form field on page ${index + 1} is in ${parent}, not in a Form element.`);
      if (subtype === 'Link' && !text(annotation['/Contents'])) fail('28-004', `A link on page ${index + 1} has no description (/Contents).`);
      if (subtype === 'Widget' && !text(annotation['/TU']) && !text(pdf.dict(annotation['/Parent'])?.['/TU']))
        fail('28-005', `A form field on page ${index + 1} has no tooltip (/TU) saying what to fill in.`);
    }
    // A page's contents: one stream, or an array of them (references to streams are kept, not resolved to their dictionaries).
    const contents = page['/Contents'];
    const streams = typeof contents === 'string' && pdf.objects.get(contents)?.stream ? [contents] : pdf.array(contents);
    const content = streams.map((stream) => pdf.streamText(stream)).join('\n');
    const untagged = untaggedPainting(content);
    if (untagged > 0) fail('01-005', `Page ${index + 1} paints ${untagged} times outside tagged content and artifacts.`);
    const resources = pdf.dict(page['/Resources']);
    for (const font of Object.values(pdf.dict(resources?.['/Font']) ?? {})) if (typeof font === 'string') fonts.add(font);
  });

  // Fonts: embedded, with a map back to Unicode for extraction and screen readers.
  for (const reference of fonts) {
    const font = pdf.dict(reference);
    if (!font) continue;
    const descendant = pdf.dict(pdf.array(font['/DescendantFonts'])[0]);
    const descriptor = pdf.dict((descendant ?? font)['/FontDescriptor']);
    const label = name(font['/BaseFont']) ?? reference;
    if (descriptor && !descriptor['/FontFile'] && !descriptor['/FontFile2'] && !descriptor['/FontFile3']) fail('31-009', `The font ${label} is not embedded.`);
    if (name(font['/Subtype']) !== 'Type3' && !font['/ToUnicode']) fail('31-027', `The font ${label} has no ToUnicode map.`);
  }
  return findings;
}

/** The findings as lines "checkpoint message", each once. */
export function pdfUaFailures(bytes: Uint8Array): string[] {
  return [...new Set(checkPdfUa(bytes).map((finding) => `${finding.checkpoint} ${finding.message}`))];
}

/** The widgets of a PDF: their field type and tooltip. */
export function formFields(file: string): { type: string; tooltip: string }[] {
  const objects = (
    JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=none', file]).toString('utf8')) as {
      qpdf: [unknown, Record<string, { value?: Record<string, string> }>];
    }
  ).qpdf[1];
  return Object.values(objects)
    .map((object) => object.value)
    .filter((value) => value?.['/Subtype'] === '/Widget')
    .map((value) => ({ type: value!['/FT'], tooltip: (value!['/TU'] ?? '').replace(/^u:/, '') }));
}
