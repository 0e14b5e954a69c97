// Lesson block name → parser: every block kind a lesson can use, in one place.
import { BLOCK_KINDS, type BlockKind } from '../../shared/block-kinds.ts';
import type { BlockParser } from './block-context.ts';
import { parseActivity } from './activity.ts';
import { parseDebate } from './debate.ts';
import { parseMap } from './map.ts';
import { parseQuestions } from './questions.ts';
import { parseRoles } from './roles.ts';
import { parseTerms } from './terms.ts';
import { parseTimeline } from './timeline.ts';

export const blockParsers: Record<BlockKind, BlockParser> = {
  terms: parseTerms,
  timeline: parseTimeline,
  debate: parseDebate,
  roles: parseRoles,
  questions: parseQuestions,
  activity: parseActivity,
  map: parseMap,
};

export const BLOCK_NAMES: readonly BlockKind[] = BLOCK_KINDS;

export function isBlockKind(name: string): name is BlockKind {
  return Object.hasOwn(blockParsers, name);
}
