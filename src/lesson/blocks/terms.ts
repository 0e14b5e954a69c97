// :::terms — key vocabulary: `- **Term** — definition. _Example:_ sentence.`
import type { Term } from '../model.ts';
import { splitAtLabel } from '../inline-text.ts';
import { blockError, labelledItem, listItemsOf, type BlockParser } from './block-context.ts';

const SHAPE = '`- **Term** — definition. _Example:_ a sentence using the term.`';

export const parseTerms: BlockParser = (node, file) => {
  const terms: Term[] = [];
  for (const item of listItemsOf(node, file, SHAPE)) {
    const labelled = labelledItem(item);
    if (!labelled) {
      blockError(file, item, `This term does not start with the term in bold. Write it like: ${SHAPE}`);
      continue;
    }
    const [definition, example] = splitAtLabel(labelled.text, 'Example');
    if (definition === '') {
      blockError(file, item, `The term "${labelled.label}" has no definition. Write it like: ${SHAPE}`);
      continue;
    }
    terms.push(example ? { term: labelled.label, definition, example } : { term: labelled.label, definition });
  }
  return terms.length > 0 ? { kind: 'terms', terms } : undefined;
};
