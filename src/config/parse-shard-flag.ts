// `--shard i/n`: which part of a library this build makes, so that n machines can build it side by side.
import { EnvironmentError } from '../shared/environment-error.ts';
import type { Shard } from '../node/build-context.ts';

/** `2/4` → the second of four shards; anything else stops the command with what to write instead. */
export function parseShardFlag(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 1000)
    throw new EnvironmentError(
      `--shard ${value}: expected the shard's number and the number of shards, as i/n with 1 ≤ i ≤ n ≤ 1000, e.g. --shard 2/4 for the second of four.`,
    );
  return { index, count };
}
