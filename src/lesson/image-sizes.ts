// The size an image is shown at: `![Map](map.png){width=50%}` (Pandoc's form) or Marp's `![w:300 Map](map.png)`.
// Sizes are read into numbers here, so no renderer ever copies a lesson's text into a style.
import type { Image, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ImageLength, ImageSize } from './model.ts';
import { didYouMean, report, type Place } from './problems.ts';

const ACCEPTED =
  'Write the size right after the image, like `![Map](map.png){width=50%}` (a share of the slide, or of the column it is in), `{width=300px}` or `{height=200px}` (pixels of the 960 × 700 slide).';
const KEYS = ['width', 'height', 'decorative'];
const MARP_KEYS: Record<string, 'width' | 'height'> = { w: 'width', width: 'width', h: 'height', height: 'height' };

export function readImageSizes(tree: Root, source: string, file: VFile): void {
  visit(tree, 'image', (image: Image, index, parent) => {
    const size: ImageSize = {};
    readMarpAlt(image, source, size, file);
    const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
    let decorative = false;
    if (next?.type === 'text') {
      const match = /^\{([^{}\n]*)\}/.exec(next.value);
      if (match) {
        decorative = readAttributes(match[1], placeOfText(next), size, file);
        next.value = next.value.slice(match[0].length);
        if (next.value === '' && parent) parent.children.splice(index! + 1, 1);
      }
    }
    if (size.width || size.height) image.data = { ...image.data, size };
    if (decorative) image.data = { ...image.data, decorative };
  });
}

/** Marp writes sizes as words of the alt text: `![w:300 A map](map.png)`, `![width:300px](map.png)`, `![h:200](map.png)`. */
function readMarpAlt(image: Image, source: string, size: ImageSize, file: VFile): void {
  const { start, end } = image.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return;
  const rawAlt = /^!\[((?:[^\]\\]|\\.)*)\]/.exec(source.slice(start.offset, end.offset))?.[1];
  if (rawAlt === undefined || !/(?:^|\s)(?:w|width|h|height):\S/i.test(rawAlt)) return;
  const words: string[] = [];
  for (const word of rawAlt.split(/\s+/).filter(Boolean)) {
    const match = /^(w|width|h|height):(\S+)$/i.exec(word);
    if (!match) {
      words.push(word);
      continue;
    }
    const key = MARP_KEYS[match[1].toLowerCase()];
    const length = lengthOf(match[2]);
    if (length) size[key] = length;
    else badValue(key, match[2], { line: start.line, column: start.column }, file);
  }
  image.alt = words.join(' ');
}

/** The sizes in an image's braces, into `size`; true when it is marked `{decorative}`. */
function readAttributes(body: string, place: Place, size: ImageSize, file: VFile): boolean {
  const pattern = /([^\s=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"']*))?/g;
  let decorative = false;
  for (const [, name, quoted] of body.matchAll(pattern)) {
    const key = name.toLowerCase();
    if (key === 'decorative' && quoted === undefined) {
      decorative = true;
      continue;
    }
    if (!KEYS.includes(key) || quoted === undefined || key === 'decorative') {
      report(
        file,
        'error',
        `The image setting "${name}" in "{${body}}" is not one Lectern knows.${didYouMean(name.replace(/^[.#]/, ''), KEYS)} ${ACCEPTED}`,
        place,
        'image-size',
      );
      continue;
    }
    const value = quoted.replace(/^["']|["']$/g, '');
    const length = lengthOf(value);
    if (length) size[key as 'width' | 'height'] = length;
    else badValue(key, value, place, file);
  }
  return decorative;
}

function badValue(key: string, value: string, place: Place, file: VFile): void {
  report(
    file,
    'error',
    `The image ${key} "${value}" is not a size Lectern can use: a percentage from 1% to 100%, or pixels from 1px to 1920px. ${ACCEPTED}`,
    place,
    'image-size',
  );
}

/** `50%`, `300px` or `300` (pixels); undefined when out of range or not a number. */
function lengthOf(text: string): ImageLength | undefined {
  const match = /^(\d+(?:\.\d+)?)(%|px)?$/i.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = match[2] === '%' ? '%' : 'px';
  if (value <= 0 || (unit === '%' && value > 100) || (unit === 'px' && value > 1920)) return undefined;
  return { value, unit };
}

function placeOfText(node: Text): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
