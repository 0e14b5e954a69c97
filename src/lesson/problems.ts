// Record a mistake in a lesson on its file, with its place and how to fix it (never thrown: src/shared/reporter.ts says them).
import leven from 'leven';
import type { VFile } from 'vfile';
import type { Severity } from '../shared/reporter.ts';

export interface Place {
  line: number;
  column: number;
}

export function report(file: VFile, severity: Severity, reason: string, place: Place | undefined, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'lectern' });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** The closest known name to a misspelt one, if it is close enough to be a likely typo. */
export function closestName(input: string, known: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const candidate = name.toLowerCase();
    const distance = candidate.startsWith(wanted) || wanted.startsWith(candidate) || swapsTwoLetters(wanted, candidate) ? 1 : leven(wanted, candidate);
    if (!best || distance < best.distance) best = { name, distance };
  }
  const allowed = wanted.length < 5 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  return best && best.distance <= allowed ? best.name : undefined;
}

/** "Fro" for "For": two neighbouring letters swapped, the commonest typo, counts as one mistake. */
function swapsTwoLetters(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

export function didYouMean(input: string, known: readonly string[]): string {
  const suggestion = closestName(input, known);
  return suggestion ? ` Did you mean "${suggestion}"?` : '';
}
