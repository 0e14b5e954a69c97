// One seed for every generated test input: fixed by default, so a run cannot pass or fail by luck, and replayable.
import type { Parameters } from 'fast-check';

/** `LECTERN_SEED=N` replays a printed seed, or tries new inputs. */
export const SEED = Number(process.env.LECTERN_SEED ?? 20261125);

if (!Number.isSafeInteger(SEED)) throw new Error(`LECTERN_SEED must be a whole number, not "${process.env.LECTERN_SEED}".`);

/** Say which seed a test file's inputs come from, so a failure anywhere in it can be replayed. */
export function announceSeed(what: string): void {
  console.warn(`${what} come from seed ${SEED}; run with LECTERN_SEED=${SEED} to replay them, or another number for new ones.`);
}

/** fast-check's options for a property: the seed, and a failure report with the seed and the path to the failing case. */
export function propertyRuns<T>(numRuns: number): Parameters<T> {
  return { seed: SEED, numRuns, verbose: 1 };
}
