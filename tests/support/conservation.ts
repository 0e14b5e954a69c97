// The conservation checker: what students see on the deck reaches the printables meant to carry it, every speaker note
// and model answer reaches the teacher edition and no student file, and every PDF is sound, with no blank page.
// It reads only built files (the deck's HTML and the PDFs, through poppler and qpdf) and the lesson's source, so it
// checks the build from the outside, for any lesson.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'mdast-util-to-string';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { plainFormula } from '../../src/lesson/inline-math-text.ts';
import { label, type LessonLabels } from '../../src/labels/lesson-labels.ts';
import { mapText, slideVisibleText } from '../../src/lesson/visible-text.ts';
import type { SlidePart } from '../../src/lesson/model.ts';
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { PRINTABLES } from '../../src/shared/printables.ts';
import { printableLabel } from '../../src/print/plan-printables.ts';

const run = promisify(execFile);

const TEACHER_EDITION = PRINTABLES.find((printable) => printable.audience === 'teacher')!.file;
const BLOCK_CLASSES = [
  'lectern-terms',
  'lectern-timeline',
  'lectern-debate',
  'lectern-roles',
  'lectern-questions',
  'lectern-activity',
  'lectern-map',
  'lectern-timeline-block',
];
const GENERATED_SLIDES = ['lectern-title', 'lectern-objectives', 'lectern-sources'];
/** Notes are compared as runs of this many words, so a note that quotes a slide's words is not taken for a leak. */
const SHINGLE = 6;

interface DeckSlide {
  classes: string[];
  /** Everything students see on the slide. */
  visible: string;
  /** The slide's ordinary Markdown (not a block): the handout's reading text. */
  reading: string;
  /** The reading text without headings: a slide with none has no reading text (its title alone is not printed). */
  readingBody: string;
  /** The text of the slide's lesson blocks. */
  blocks: string;
  notes: string;
  /** The TeX of each formula students see (the label of its drawing), and of each formula in the notes. */
  formulas: string[];
  noteFormulas: string[];
  /** The text of each code block students see. */
  code: string[];
}

/**
 * Words as they can be compared between HTML and text extracted from a PDF: letters and digits, lower case; one CJK,
 * Hangul or Thai character is one word (lines may break between any two of them, and a table cell's broken word is not
 * extracted in one piece). Combining marks are left out: text extraction puts Devanagari's vowel signs before their
 * consonant and drops some Thai tone marks, although the page shows them right.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\p{M}/gu, '')
      .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]|[\p{L}\p{N}]+/gu) ?? []
  );
}

class Words {
  readonly set: Set<string>;
  readonly joined: string;
  constructor(text: string) {
    const words = wordsOf(text);
    this.set = new Set(words);
    this.joined = words.join('');
  }
  /** The words of `text` this text lacks (a word split across two lines by the typesetter counts as present). */
  missing(text: string): string[] {
    return [...new Set(wordsOf(text))].filter((word) => !this.set.has(word) && !this.joined.includes(word));
  }
}

function shingles(text: string): Set<string> {
  const words = wordsOf(text);
  const found = new Set<string>();
  for (let start = 0; start + SHINGLE <= words.length; start++) found.add(words.slice(start, start + SHINGLE).join(' '));
  return found;
}

function hasClass(node: Element, names: string[]): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.some((name) => names.includes(String(name)));
}

function textOf(nodes: ElementContent[], keep: (node: Element) => boolean): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element' || !keep(node) || node.tagName === 'script' || node.tagName === 'style') return ' ';
      return ` ${textOf(node.children, keep)} `;
    })
    .join('');
}

function findAll(node: Root | Element, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    else findAll(child, test, found);
  }
  return found;
}

/**
 * The TeX of the formulas drawn in `node` (an `<svg role="img">` labelled with it, inside a `lectern-math` element; a
 * map's or a timeline's drawing is labelled too, but is no formula), outside what `keep` rejects.
 */
function formulasIn(node: Element, keep: (element: Element) => boolean, inMath = false): string[] {
  const found: string[] = [];
  for (const child of node.children) {
    if (child.type !== 'element' || !keep(child)) continue;
    const classes = Array.isArray(child.properties.className) ? child.properties.className.map(String) : [];
    const math = inMath || classes.some((name) => name === 'lectern-math' || name === 'lectern-math-display');
    // Its TeX is its title (a screen reader hears its spoken form, the label).
    const title = child.children.find((inner): inner is Element => inner.type === 'element' && inner.tagName === 'title');
    if (child.tagName === 'svg' && math && title) found.push(hastText(title));
    else found.push(...formulasIn(child, keep, math));
  }
  return found;
}

/**
 * Text as math and code tokens are compared: without white space, so a formula's TeX set as one unbreakable word, or
 * a code line wrapped on paper, is still found whole.
 */
const squashed = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');

/** Each code token (a run of text between spaces) and each formula's TeX that `text` lacks. */
export function missingTokens(text: string, formulas: string[], code: string[]): string[] {
  const haystack = squashed(text);
  // A drawing (a timeline) writes a formula in plain characters (`E = mc²`): that counts as the formula too.
  const plain = new Map(formulas.map((tex) => [squashed(tex), squashed(plainFormula(tex))]));
  const tokens = [...formulas.map(squashed), ...code.flatMap((block) => block.split(/\s+/u))].filter((token) => token !== '');
  return [...new Set(tokens)].filter((token) => !haystack.includes(token) && !(plain.has(token) && haystack.includes(plain.get(token)!)));
}

/** The TeX of every formula in Markdown nodes. */
function lessonFormulas(nodes: RootContent[]): string[] {
  const found: string[] = [];
  for (const node of nodes)
    visit(node, (child) => {
      if (child.type === 'inlineMath' || child.type === 'math') found.push((child as { value: string }).value.replace(/\s+/g, ' ').trim());
    });
  return found.filter((tex) => tex !== '');
}

export function readDeck(html: string): DeckSlide[] {
  const tree = fromHtml(html);
  const [slides] = findAll(tree, (element) => hasClass(element, ['slides']));
  return (slides?.children ?? [])
    .filter((node): node is Element => node.type === 'element' && node.tagName === 'section')
    .map((section) => {
      const isNotes = (element: Element) => element.tagName === 'aside' && hasClass(element, ['notes']);
      const isBlock = (element: Element) => hasClass(element, BLOCK_CLASSES);
      const classes = (section.properties.className as string[] | undefined)?.map(String) ?? [];
      return {
        classes,
        visible: textOf(section.children, (element) => !isNotes(element)),
        reading: textOf(section.children, (element) => !isNotes(element) && !isBlock(element)),
        readingBody: textOf(section.children, (element) => !isNotes(element) && !isBlock(element) && !/^h[1-6]$/.test(element.tagName)),
        blocks: findAll(section, isBlock)
          .map((block) => textOf(block.children, () => true))
          .join(' '),
        notes: findAll(section, isNotes)
          .map((aside) => textOf(aside.children, () => true))
          .join(' '),
        formulas: formulasIn(section, (element) => !isNotes(element)),
        noteFormulas: findAll(section, isNotes).flatMap((aside) => formulasIn(aside, () => true)),
        code: findAll(section, (element) => element.tagName === 'pre' || isNotes(element))
          .filter((element) => element.tagName === 'pre')
          .map((pre) => textOf(pre.children, () => true)),
      };
    });
}

/** The text of a PDF, page by page (poppler's pdftotext, in reading order). */
async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').slice(0, -1);
}

/**
 * The slides handout's text, by slide number: a slide's continuation boxes belong to it. Box labels come in order
 * ("Slide 4", "Slide 4 (continued)", "Slide 5"), so a slide's own text that reads "Slide 2" is not taken for one.
 */
function slideBoxes(pages: string[], labels: LessonLabels): Map<number, string> {
  const boxes = new Map<number, string>();
  let current = 0;
  // The labels in the lesson's language ("Diapositive 4 (suite)"), with the number as a group.
  const pattern = (name: 'slide.number' | 'slide.continued') =>
    new RegExp(
      `^${label(labels, name, { number: '\u0000' })
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace('\u0000', '(\\d+)')}$`,
    );
  const [first, continued] = [pattern('slide.number'), pattern('slide.continued')];
  for (const line of pages.join('\n').split('\n')) {
    const next = first.exec(line.trim());
    const more = continued.exec(line.trim());
    const number = Number((more ?? next)?.[1]);
    if ((more && number === current) || (next && number === current + 1)) current = number;
    else if (current > 0) boxes.set(current, `${boxes.get(current) ?? ''}\n${line}`);
  }
  return boxes;
}

async function soundnessProblems(file: string, name: string, footerTitle: string, labels: LessonLabels): Promise<string[]> {
  const problems: string[] = [];
  // qpdf exits 0 for a sound file, 2 for errors and 3 for warnings.
  const qpdf = await run('qpdf', ['--check', file]).then(
    () => undefined,
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
  if (qpdf !== undefined) problems.push(`${name}: qpdf --check reports: ${qpdf.trim().split('\n').slice(-3).join(' / ')}`);
  const rendered = await run('pdftoppm', ['-r', '8', '-gray', file], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }).catch(
    (error: { stderr?: Buffer }) => error,
  );
  const renderErrors = String(rendered.stderr ?? '').trim();
  if (renderErrors) problems.push(`${name}: pdftoppm reports: ${renderErrors.split('\n').slice(0, 3).join(' / ')}`);
  const pages = await pdfPages(file);
  const blank: number[] = [];
  pages.forEach((page, index) => {
    // The footer (the title, shortened with "…" when long, and the page number) does not make a page worth printing.
    const isFooter = (line: string) => line === label(labels, 'page.number', { number: index + 1 }) || footerTitle.startsWith(line.replace(/…$/, '').trim());
    const body = page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !isFooter(line))
      .join(' ');
    if (wordsOf(body).length === 0) blank.push(index + 1);
  });
  if (blank.length > 0)
    problems.push(`${name}: ${blank.length} of ${pages.length} pages are blank: ${blank.slice(0, 10).join(', ')}${blank.length > 10 ? ', …' : ''}`);
  return problems;
}

/** Everything of a lesson block that students are given on some printable: all of it but the model answers. */
function studentText(part: SlidePart): string[] {
  if (part.kind === 'markdown' || part.kind === 'columns') return [];
  if (part.kind === 'questions') return part.questions.map((question) => question.question);
  return [JSON.stringify(part)];
}

export interface ConservationResult {
  problems: string[];
  /** What was compared, to show the check did real work. */
  counted: { slides: number; pdfs: number; notes: number };
}

/**
 * Check one built lesson: `source` is the lesson file, `folder` its output folder. Returns every problem found, each
 * naming the file and what is lost or leaked; an empty list means the lesson's words are all where they belong.
 */
export async function checkConservation(source: string, folder: string): Promise<ConservationResult> {
  const problems: string[] = [];
  const slug = path.basename(folder);
  const { lesson } = parseLesson(await readFile(source, 'utf8'), source, slug);
  if (!lesson) return { problems: [`${source}: the lesson does not parse`], counted: { slides: 0, pdfs: 0, notes: 0 } };
  const deck = readDeck(await readFile(path.join(folder, 'index.html'), 'utf8'));
  const pdfNames = (await readdir(folder)).filter((name) => name.endsWith('.pdf')).sort();
  const pdfs = new Map(await Promise.all(pdfNames.map(async (name) => [name, await pdfPages(path.join(folder, name))] as const)));
  const text = (name: string) => (pdfs.get(name) ?? []).join('\n');
  const studentNames = pdfNames.filter((name) => PRINTABLES.find((printable) => printable.file === name)?.audience !== 'teacher');

  for (const name of pdfNames) {
    const printable = PRINTABLES.find((candidate) => candidate.file === name);
    const documentTitle = printable ? label(lesson.labels, printableLabel(printable)) : name;
    problems.push(...(await soundnessProblems(path.join(folder, name), name, `${lesson.meta.title} — ${documentTitle}`, lesson.labels)));
  }

  const missingFrom = (target: string, what: string, expected: string, found: Words) => {
    const missing = found.missing(expected);
    if (missing.length > 0) problems.push(`${target}: ${missing.length} word(s) of ${what} missing: ${missing.slice(0, 12).join(', ')}`);
  };

  // Every word on a slide is in that slide's box(es) of the slides handout.
  const boxes = slideBoxes(pdfs.get('slides-handout.pdf') ?? [], lesson.labels);
  if (!pdfs.has('slides-handout.pdf')) problems.push('slides-handout.pdf: not made');
  deck.forEach((slide, index) => {
    const box = boxes.get(index + 1);
    if (box === undefined) problems.push(`slides-handout.pdf: slide ${index + 1} has no box`);
    else missingFrom('slides-handout.pdf', `slide ${index + 1}`, slide.visible, new Words(box));
  });

  // The ordinary text of the slides is the handout's reading text; the blocks' text is in the student printables.
  const handout = new Words(text('handout.pdf'));
  const students = new Words(studentNames.map(text).join('\n'));
  deck.forEach((slide, index) => {
    if (slide.classes.some((name) => GENERATED_SLIDES.includes(name))) return;
    if (wordsOf(slide.readingBody).length > 0) missingFrom('handout.pdf', `slide ${index + 1}'s reading text`, slide.reading, handout);
    missingFrom('the student printables', `slide ${index + 1}'s blocks`, slide.blocks, students);
  });
  // Every formula of the lesson is drawn on the deck, labelled with its TeX; every formula's TeX and every code token
  // a slide shows is in its box(es) of the slides handout and (for the reading text) in the handout; a formula in
  // the notes is in the teacher edition.
  const deckFormulas = new Set(deck.flatMap((slide) => [...slide.formulas, ...slide.noteFormulas]).map((tex) => tex.replace(/\s+/g, ' ').trim()));
  const lessonTex = lesson.slides.flatMap((slide) => [
    ...slide.parts.flatMap((part) => (part.kind === 'markdown' ? lessonFormulas(part.nodes) : [])),
    ...lessonFormulas(slide.notes),
  ]);
  const undrawn = [...new Set(lessonTex)].filter((tex) => !deckFormulas.has(tex));
  if (undrawn.length > 0) problems.push(`index.html: ${undrawn.length} formula(s) not drawn: ${undrawn.slice(0, 6).join(' ; ')}`);
  const tokensMissing = (target: string, what: string, text: string, formulas: string[], code: string[]) => {
    const missing = missingTokens(text, formulas, code);
    if (missing.length > 0) problems.push(`${target}: ${missing.length} math or code token(s) of ${what} missing: ${missing.slice(0, 8).join(' ')}`);
  };
  const handoutText = text('handout.pdf');
  deck.forEach((slide, index) => {
    tokensMissing('slides-handout.pdf', `slide ${index + 1}`, boxes.get(index + 1) ?? '', slide.formulas, slide.code);
    if (!slide.classes.some((name) => GENERATED_SLIDES.includes(name)) && wordsOf(slide.readingBody).length > 0)
      tokensMissing('handout.pdf', `slide ${index + 1}'s reading text`, handoutText, slide.formulas, slide.code);
    tokensMissing(TEACHER_EDITION, `slide ${index + 1}'s notes`, text(TEACHER_EDITION), slide.noteFormulas, []);
  });
  // Every word of a map (caption, legend, the names on it) is in the handout, where the map is drawn again.
  lesson.slides.forEach((slide) =>
    slide.parts.forEach((part) => {
      if (part.kind === 'map') missingFrom('handout.pdf', `the map "${part.caption}"`, mapText(part).join(' '), handout);
    }),
  );
  // The map worksheet asks for the names of the places and countries: they are in its key (the teacher edition) only.
  if (pdfs.has('map-worksheet.pdf')) {
    const allowed = new Set(wordsOf(lesson.meta.title));
    const worksheet = new Set(wordsOf(text('map-worksheet.pdf')));
    const names = lesson.slides.flatMap((slide) =>
      slide.parts.flatMap((part) =>
        part.kind === 'map'
          ? [...part.places.map((place) => place.name), ...part.shades.flatMap((shade) => shade.countries.map((country) => country.name))]
          : [],
      ),
    );
    const shown = [...new Set(names.flatMap(wordsOf))].filter((word) => worksheet.has(word) && !allowed.has(word));
    if (shown.length > 0) problems.push(`map-worksheet.pdf: shows the names students are to write: ${shown.slice(0, 12).join(', ')}`);
    missingFrom(TEACHER_EDITION, 'the map worksheet key', names.join(' '), new Words(text(TEACHER_EDITION)));
  }
  missingFrom('handout.pdf', 'the objectives', lesson.meta.objectives.join(' '), handout);
  missingFrom('handout.pdf', 'the sources', lesson.meta.sources.map((source) => Object.values(source).join(' ')).join(' '), handout);

  // Every note and model answer is in the teacher edition and in no student file, nor on the deck's slides.
  const teacher = new Words(text(TEACHER_EDITION));
  const lessonNotes = lesson.slides.flatMap((slide) => [
    toString({ type: 'root', children: slide.notes }),
    ...slide.parts.flatMap((part) => (part.kind === 'questions' ? part.questions.map((question) => question.answer ?? '') : [])),
  ]);
  const allNotes = [...deck.map((slide) => slide.notes), ...lessonNotes].filter((note) => note.trim() !== '');
  allNotes.forEach((note) => missingFrom(TEACHER_EDITION, `a note ("${note.trim().slice(0, 40)}…")`, note, teacher));
  // Words students are given anyway (on slides, or in a block's worksheet) are no leak when a note repeats them.
  const visibleSource = [
    ...lesson.slides.map(slideVisibleText),
    ...lesson.slides.flatMap((slide) => slide.parts.flatMap(studentText)),
    lesson.meta.title,
    lesson.meta.subtitle ?? '',
    ...lesson.meta.objectives,
    ...lesson.meta.sources.map((source) => Object.values(source).join(' ')),
  ].join(' \n ');
  const visibleShingles = shingles(visibleSource);
  const secret = new Set([...allNotes.flatMap((note) => [...shingles(note)])].filter((shingle) => !visibleShingles.has(shingle)));
  const leakedInto = (where: string, content: string) => {
    const found = [...shingles(content)].filter((shingle) => secret.has(shingle));
    if (found.length > 0) problems.push(`${where}: teacher text leaked: "${found[0]}"${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}`);
  };
  for (const name of studentNames) leakedInto(name, text(name));
  leakedInto('the deck (visible slide text)', deck.map((slide) => slide.visible).join(' \n '));

  return { problems, counted: { slides: deck.length, pdfs: pdfNames.length, notes: allNotes.length } };
}

/**
 * Check many built lessons; '' when all are sound, else one paragraph per lesson with its problems. A lesson that
 * compared nothing (no slide, fewer than three PDFs) is a problem too, so a broken build cannot pass by being empty.
 */
export async function conservationFailures(lessons: { source: string; folder: string }[], origin = ''): Promise<string> {
  const failures: string[] = [];
  for (const { source, folder } of lessons) {
    const { problems, counted } = await checkConservation(source, folder);
    if (counted.slides === 0) problems.push('no slide was compared');
    if (counted.pdfs < 3) problems.push(`only ${counted.pdfs} PDF(s) were compared`);
    if (problems.length > 0) failures.push(`${path.relative(process.cwd(), source)}${origin}:\n  ${problems.join('\n  ')}`);
  }
  return failures.join('\n');
}
