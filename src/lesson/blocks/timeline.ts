// :::timeline — dates and events: `- **1991** — The Soviet Union breaks up.`
import type { TimelineEvent } from '../model.ts';
import { placeOf } from '../inline-text.ts';
import { blockError, labelledItem, listItemsOf, type BlockParser } from './block-context.ts';

const SHAPE = '`- **1991** — What happened.`';

export const parseTimeline: BlockParser = (node, file) => {
  const events: TimelineEvent[] = [];
  for (const item of listItemsOf(node, file, SHAPE)) {
    const labelled = labelledItem(item);
    if (!labelled || labelled.text === '') {
      blockError(file, item, `A timeline entry needs a date in bold and then the event. Write it like: ${SHAPE}`);
      continue;
    }
    const place = placeOf(item.children[0]) ?? placeOf(item) ?? { line: 1, column: 1 };
    events.push({ date: labelled.label, event: labelled.text, line: place.line, column: place.column });
  }
  return events.length > 0 ? { kind: 'timeline', events } : undefined;
};
