// Every kind of lesson block (`:::terms` and the rest), defined once: the parsers, the model and the printables follow it.
export const BLOCK_KINDS = ['terms', 'timeline', 'debate', 'roles', 'questions', 'activity', 'map'] as const;

export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Blocks written as one Markdown list: a stray line after one is "after its list", not "after its last line". */
export const LIST_BLOCK_KINDS: readonly BlockKind[] = ['terms', 'timeline', 'questions', 'map'];

/** A block of each kind, in words, for messages (the notice when a printable is skipped). */
export const BLOCK_WORDS: Record<BlockKind, string> = {
  terms: 'a :::terms block',
  timeline: 'a :::timeline block',
  debate: 'a :::debate block',
  roles: 'a :::roles block',
  questions: 'a :::questions block',
  activity: 'an :::activity block',
  map: 'a :::map block',
};
