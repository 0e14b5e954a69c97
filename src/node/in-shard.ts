// Which lessons belong to a shard of a library (`--shard i/n`): decided by each lesson's slug alone, so adding or
// removing a lesson never moves the others to another shard, and every machine of a CI matrix agrees.
import { createHash } from 'node:crypto';
import type { Shard } from './build-context.ts';
import { slugOf } from './lesson-paths.ts';

export function inShard(source: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(slugOf(source)).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}
