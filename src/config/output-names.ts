// Check the names given to `--only` and to `outputs:` in lectern.config.yaml against the outputs Lectern makes.
import { didYouMean } from '../lesson/problems.ts';
import { EnvironmentError } from '../shared/environment-error.ts';
import { OUTPUT_NAMES } from '../pipeline/outputs.ts';

/** What is wrong with an output name, as the end of a sentence, or undefined when it is one of Lectern's outputs. */
export function outputNameProblem(name: string): string | undefined {
  if (OUTPUT_NAMES.includes(name)) return undefined;
  return `one of ${OUTPUT_NAMES.join(', ')}.${didYouMean(name, OUTPUT_NAMES)}`;
}

/** `--only deck,handout`: the names, each checked; a name Lectern does not know stops the command. */
export function parseOnlyFlag(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new EnvironmentError(`--only needs one or more output names separated by commas, e.g. --only deck,handout.`);
  for (const name of names) {
    const problem = outputNameProblem(name);
    if (problem) throw new EnvironmentError(`--only: there is no output "${name}"; expected ${problem}`);
  }
  return [...new Set(names)];
}
