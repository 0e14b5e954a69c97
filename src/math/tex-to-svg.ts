// TeX → a self-contained SVG (MathJax 3), for the deck, the PDFs and the checks: no fonts, no network, no script.
/** A formula drawn as SVG; its sizes are in ems of the text around it. */
export interface RenderedMath {
  /** The SVG, with no reference to anything outside it. */
  svg: string;
  width: number;
  /** Height above the baseline. */
  ascent: number;
  /** Depth below the baseline. */
  descent: number;
}

/** A formula MathJax could not read: `message` is MathJax's own (e.g. "Missing close brace"). */
export class MathError extends Error {}

/**
 * TeX packages offered. Left out: those that load or style (`html` has `\href` and `\style`, `bbox` and `enclose`
 * take CSS, `require`, `autoload` and `setoptions` change MathJax itself), and `noerrors`/`noundefined`, which would
 * draw a mistake in red instead of reporting it.
 */
const LEFT_OUT = new Set(['html', 'bbox', 'enclose', 'require', 'autoload', 'setoptions', 'noerrors', 'noundefined', 'bussproofs']);

interface Engine {
  convert: (tex: string, display: boolean) => string;
  /** The formula as MathML (for its spoken form). */
  mathML: (tex: string, display: boolean) => string;
  reset: () => void;
}

let engine: Engine | undefined;

/**
 * Load MathJax, once per thread: the pipeline calls it before it reads a lesson with math (and a print worker before
 * it typesets one), so a lesson without math never pays for it. Its code is a chunk of its own in every bundle.
 */
export async function loadMath(): Promise<void> {
  if (engine) return;
  const { mathjax, TeX, SVG, liteAdaptor, RegisterHTMLHandler, AllPackages, STATE, SerializedMmlVisitor } = await import('./mathjax-modules.ts');
  if (engine) return;
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: AllPackages.filter((name) => !LEFT_OUT.has(name)),
    formatError: (_jax: unknown, error: Error) => {
      throw new MathError(error.message);
    },
  });
  const document = mathjax.document('', { InputJax: tex, OutputJax: new SVG({ fontCache: 'none' }) });
  const serializer = new SerializedMmlVisitor();
  engine = {
    convert: (formula, display) => adaptor.outerHTML(adaptor.firstChild(document.convert(formula, { display }) as never) as never),
    mathML: (formula, display) => serializer.visitTree(document.convert(formula, { display, end: STATE.CONVERT }) as never),
    reset: () => tex.parseOptions.tags.reset(),
  };
}

const rendered = new Map<string, RenderedMath>();
const MAX_RENDERED = 2_000;

/** Render a formula; throws a MathError when MathJax cannot read it. The same formula is rendered once. */
export function texToSvg(tex: string, display: boolean): RenderedMath {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = rendered.get(key);
  if (known) return known;
  if (!engine) throw new Error('MathJax is not loaded: the pipeline calls loadMath() before it reads or prints a lesson with math.');
  engine.reset();
  let svg: string;
  try {
    svg = engine.convert(tex, display);
  } catch (error) {
    if (error instanceof MathError) throw error;
    throw new MathError(error instanceof Error ? error.message : String(error));
  }
  const result = { svg: cleanSvg(svg), ...sizeOf(svg) };
  if (rendered.size >= MAX_RENDERED) rendered.clear();
  rendered.set(key, result);
  return result;
}

/** The formula's box from its viewBox (MathJax draws 1000 units to the em, with the baseline at 0). */
function sizeOf(svg: string): Omit<RenderedMath, 'svg'> {
  const match = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
  if (!match) throw new MathError('MathJax gave no drawing');
  const [, , top, width, height] = match.map(Number);
  return { width: width / 1000, ascent: -top / 1000, descent: (top + height) / 1000 };
}

/**
 * Only shapes stay: MathJax's own role, links and anything that could load a file are removed (the packages that make
 * them are left out already; this is the second lock). Colours stay `currentColor`, so the theme's text colour is used.
 */
function cleanSvg(svg: string): string {
  return svg
    .replace(/\s(?:role|focusable|data-[\w-]+|(?:xlink:)?href|on\w+)="[^"]*"/gi, '')
    .replace(/<\/?a\b[^>]*>/gi, '')
    .replace(/url\([^)]*\)/gi, 'none');
}

/** A formula as MathML; throws a MathError when MathJax cannot read it. */
export function texToMathML(tex: string, display: boolean): string {
  if (!engine) throw new Error('MathJax is not loaded: the pipeline calls loadMath() before it reads or prints a lesson with math.');
  engine.reset();
  try {
    return engine.mathML(tex, display);
  } catch (error) {
    if (error instanceof MathError) throw error;
    throw new MathError(error instanceof Error ? error.message : String(error));
  }
}
