// A deck's images → Lectern images: the tool's size and background keywords become alt text or are dropped, files are
// copied beside the lesson, and images Lectern cannot show (on the internet, missing) become visible placeholders.
import * as posixPath from 'pathe';
import type { ImportReport } from './import-report.ts';

export interface ImageCopy {
  /** Path relative to the deck's folder. */
  from: string;
  /** Path relative to the lesson's folder. */
  to: string;
  line: number;
}

export interface ImageContext {
  report: ImportReport;
  /** Does this path (relative to the deck's folder) name a file? */
  fileExists: (path: string) => boolean;
  copies: ImageCopy[];
}

/** Marp's image keywords (size, background, filters): they style the image and are not a description of it. */
const MARP_KEYWORD =
  /^(?:bg|left|right|vertical|contain|cover|fit|auto|\d+(?:\.\d+)?%|x\d+(?:\.\d+)?|(?:left|right):\d+(?:\.\d+)?%|(?:w|h|width|height):\d+(?:\.\d+)?(?:px|em|%|cm|mm|in|pt)?|(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::\S+)?)$/i;

/** A size Lectern shows as written: Marp's `w:300`, `width:300px`, `h:200`, or Pandoc's `width=50%`, in pixels or percent. */
const SIZE = /^(w|h|width|height)[:=]"?(\d+(?:\.\d+)?)(px|%)?"?$/i;

/** The Lectern form of the sizes among an image's words (`{width=300px}`), and the words it could not keep. */
function lecternSize(words: string[]): { size: string; kept: string[] } {
  const kept: string[] = [];
  const options = new Map<string, string>();
  for (const word of words) {
    const match = SIZE.exec(word);
    if (!match) continue;
    const key = match[1].toLowerCase().startsWith('w') ? 'width' : 'height';
    const value = Number(match[2]);
    const unit = match[3] === '%' ? '%' : 'px';
    if (value <= 0 || (unit === '%' && value > 100) || (unit === 'px' && value > 1920)) continue;
    options.set(key, `${value}${unit}`);
    kept.push(word);
  }
  return { size: options.size > 0 ? `{${[...options].map(([key, value]) => `${key}=${value}`).join(' ')}}` : '', kept };
}

/** `background`: the picture goes behind a slide, where it needs no description. */
export function convertImage(alt: string, url: string, line: number, context: ImageContext, attributes = '', { background = false } = {}): string {
  const { report } = context;
  const words = alt.split(/\s+/).filter(Boolean);
  const attributeWords = attributes
    .replace(/^\{|\}$/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const { size, kept } = lecternSize([...words.filter((word) => MARP_KEYWORD.test(word)), ...attributeWords]);
  const keywords = words.filter((word) => MARP_KEYWORD.test(word) && !kept.includes(word));
  const droppedAttributes = attributeWords.filter((word) => !kept.includes(word));
  let description = words.filter((word) => !MARP_KEYWORD.test(word)).join(' ');
  if (size) report.converted(line, `the image size \`${kept.join(' ')}\` on "${url}" → \`${size}\``);
  if (droppedAttributes.length > 0)
    report.dropped(line, `the image attributes \`{${droppedAttributes.join(' ')}}\` on "${url}" (Lectern keeps only a width or height in px or %)`);
  if (keywords.length > 0)
    report.dropped(
      line,
      `the image keywords \`${keywords.join(' ')}\` on "${url}"${keywords.some((word) => /^bg$/i.test(word)) ? ' (a background image is shown as an ordinary image)' : ''}`,
    );
  if (/^(?:https?:)?\/\//i.test(url)) {
    report.decide(
      line,
      `the image ${url} is on the internet: a placeholder with its address stands in its place (decks must work offline; save it beside the lesson and write \`![description](images/name.png)\`)`,
    );
    return `[Picture to add${description ? ` (${description})` : ''}: the original deck showed it from the internet, ${url}; Lectern decks work offline]`;
  }
  if (/^data:/i.test(url)) {
    report.dropped(line, 'an image written inside the deck (`data:` address): save it as a file beside the lesson');
    return `[Picture to add${description ? ` (${description})` : ''}: it was stored inside the original deck and could not be copied]`;
  }
  const decoded = safeDecode(url.replace(/[?#].*$/, ''));
  const from = posixPath.normalize(decoded.replace(/\\/g, '/').replace(/^\/+/, ''));
  if (!context.fileExists(from)) {
    report.decide(line, `the image "${url}" was not found beside the deck: a placeholder stands in its place`);
    return `[Picture to add${description ? ` (${description})` : ''}: the file ${url} was not found beside the original deck]`;
  }
  const to = from.replace(/^(?:\.\.\/)+/, '') || posixPath.basename(from);
  if (!context.copies.some((copy) => copy.to === to)) context.copies.push({ from, to, line });
  if (to !== decoded) report.converted(line, `the image "${url}" is copied to "${to}" beside the lesson`);
  if (!description && !background) {
    description =
      posixPath
        .basename(to)
        .replace(/\.[^.]+$/, '')
        .replace(/[-_]+/g, ' ')
        .trim() || 'Image';
    report.decide(line, `the image "${url}" had no description: "${description}" (from its file name) stands in; describe it for students who cannot see it`);
  }
  const target = /[\s()<>]/.test(to) ? `<${to}>` : to;
  return `![${description.replace(/([[\]])/g, '\\$1')}](${target})${size}`;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
