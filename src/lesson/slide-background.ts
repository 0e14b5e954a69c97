// `## Title {background="images/harbour.jpg"}`: a picture behind the whole slide, set on the slide's title.
import type { Heading } from 'mdast';
import type { VFile } from 'vfile';
import { didYouMean, report, type Place } from './problems.ts';

const EXAMPLE = '`## The harbour {background="images/harbour.jpg"}`';

/** Take `{background="…"}` off the end of a slide title: the picture's path as written and where it is, if any. */
export function takeBackground(heading: Heading, file: VFile): { url: string; place: Place } | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = /\s*\{([^{}\n]*)\}\s*$/.exec(last.value);
  if (!match) return undefined;
  const place = {
    line: last.position?.start.line ?? heading.position?.start.line ?? 1,
    column: (last.position?.start.column ?? 1) + match.index + match[0].length - match[0].trimStart().length,
  };
  last.value = last.value.slice(0, match.index);
  if (last.value === '') heading.children.pop();
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
