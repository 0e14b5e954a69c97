// Lesson block name → parser: every block kind a lesson can use, in one place.
import type { BlockKind } from '../model.ts';
import type { BlockParser } from './block-context.ts';
import { parseActivity } from './activity.ts';
import { parseDebate } from './debate.ts';
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
};

export const BLOCK_NAMES = Object.keys(blockParsers) as BlockKind[];

export function isBlockKind(name: string): name is BlockKind {
  return Object.hasOwn(blockParsers, name);
}
