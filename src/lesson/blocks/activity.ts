// :::activity[Title]{minutes=15 grouping="Pairs"} — a class activity: description paragraphs and a list of steps.
import type { Paragraph } from 'mdast';
import { plainText } from '../inline-text.ts';
import { didYouMean } from '../problems.ts';
import { blockError, type BlockParser } from './block-context.ts';

const ATTRIBUTES = ['minutes', 'grouping'];
const SHAPE = '`:::activity[Build a timeline]{minutes=20 grouping="Small groups"}`';

export const parseActivity: BlockParser = (node, file) => {
  let title: string | undefined;
  const description: string[] = [];
  const steps: string[] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph' && (child as Paragraph).data?.directiveLabel) title = plainText(child);
    else if (child.type === 'heading' && title === undefined) title = plainText(child);
    else if (child.type === 'paragraph') description.push(plainText(child));
    else if (child.type === 'list') steps.push(...child.children.map((item) => plainText(item)));
    else blockError(file, child, 'Inside :::activity, write paragraphs describing the activity and a numbered list of its steps.');
  }

  let ok = true;
  const attributes = node.attributes ?? {};
  for (const name of Object.keys(attributes)) {
    if (!ATTRIBUTES.includes(name)) {
      blockError(file, node, `Unknown activity setting "${name}".${didYouMean(name, ATTRIBUTES)} Activities take minutes and grouping, like ${SHAPE}.`);
      ok = false;
    }
  }
  const minutesText = attributes.minutes ?? undefined;
  const minutes = minutesText === undefined ? undefined : Number(minutesText);
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes <= 0)) {
    blockError(file, node, `Activity minutes must be a whole number, like {minutes=20}; found "${minutesText}".`);
    ok = false;
  }
  if (!title) {
    blockError(file, node, `This activity has no title. Put it in square brackets: ${SHAPE}.`);
    ok = false;
  }
  if (!ok || !title) return undefined;
  const grouping = attributes.grouping?.trim() || undefined;
  return { kind: 'activity', title, ...(minutes !== undefined ? { minutes } : {}), ...(grouping ? { grouping } : {}), description, steps };
};
