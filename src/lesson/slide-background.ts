// `## Title {background="images/harbour.jpg"}`: a picture behind the whole slide, set on the slide's title.
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { didYouMean, report, type Place } from './problems.ts';

const EXAMPLE = '`## The harbour {background="images/harbour.jpg"}`';

/** Take `{background="…"}` off the end of a slide title: the picture's path as written and where it is, if any. */
export function takeBackground(heading: Heading, file: VFile): { url: string; place: Place } | undefined {
  // The whole title's text: a path such as https://… is a link node of its own (GFM autolinks it).
  const match = /\s*\{([^{}\n]*)\}\s*$/.exec(toString(heading));
  if (!match) return undefined;
  const start = heading.children[0]?.position?.start ?? heading.position?.start;
  const place = { line: start?.line ?? 1, column: (start?.column ?? 1) + match.index + match[0].length - match[0].trimStart().length };
  let left = match[0].length;
  while (left > 0 && heading.children.length > 0) {
    const last = heading.children.at(-1)!;
    const length = toString(last).length;
    if (length <= left) {
      heading.children.pop();
      left -= length;
    } else if (last.type === 'text') {
      last.value = last.value.slice(0, last.value.length - left);
      left = 0;
    } else break;
  }
  let url: string | undefined;
  for (const [, name, value] of match[1].matchAll(/([^\s=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"']*))?/g)) {
    if (name === 'background' && value) {
      url = value.replace(/^["']|["']$/g, '');
      continue;
    }
    report(
      file,
      'error',
      `The slide setting "${name}" is not one Lectern knows.${didYouMean(name, ['background'])} A slide title takes a background picture, like ${EXAMPLE}.`,
      place,
      'slide-setting',
    );
  }
  if (url === undefined || url.trim() === '') {
    if (/background/.test(match[1]))
      report(file, 'error', `The background picture has no file name. Write it in quotes, like ${EXAMPLE}.`, place, 'slide-setting');
    return undefined;
  }
  return { url: url.trim(), place };
}
