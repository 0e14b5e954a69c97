// :::debate — a motion, arguments for and against (with evidence), and an optional timing plan.
import type { ListItem } from 'mdast';
import type { Argument, DebateStage } from '../model.ts';
import { afterLeadingLabel, plainText, splitAtLabel } from '../inline-text.ts';
import { didYouMean } from '../problems.ts';
import { blockError, labelledItem, type BlockParser } from './block-context.ts';

const SECTIONS = ['For', 'Against', 'Timing'] as const;
type Section = (typeof SECTIONS)[number];
const ARGUMENT_SHAPE = '`- **Claim** — why it holds. _Evidence:_ a fact from the reading.`';
const STAGE_SHAPE = '`- **Opening statements** — 4`';

export const parseDebate: BlockParser = (node, file) => {
  let motion: string | undefined;
  let section: Section | 'unknown' | undefined;
  const items: Record<Section, ListItem[]> = { For: [], Against: [], Timing: [] };

  for (const child of node.children) {
    if (child.type === 'heading') {
      const name = plainText(child).replace(/[:.]$/, '');
      section = SECTIONS.find((known) => known.toLowerCase() === name.toLowerCase()) ?? 'unknown';
      if (section === 'unknown')
        blockError(file, child, `Unknown debate section "${name}".${didYouMean(name, SECTIONS)} Use ### For, ### Against and (optionally) ### Timing.`);
    } else if (child.type === 'paragraph' && !section) {
      motion = afterLeadingLabel(plainText(child), 'Motion') ?? plainText(child);
    } else if (child.type === 'list' && section) {
      if (section !== 'unknown') items[section].push(...child.children);
    } else {
      blockError(file, child, 'Inside :::debate, write `**Motion:** ...` first, then lists under `### For`, `### Against` and optionally `### Timing`.');
    }
  }

  if (!motion) blockError(file, node, 'This debate has no motion. Add a line `**Motion:** This house believes ...` at the top of the block.');
  const forArguments = items.For.map((item) => toArgument(item, file)).filter((argument) => argument !== undefined);
  const againstArguments = items.Against.map((item) => toArgument(item, file)).filter((argument) => argument !== undefined);
  if (items.For.length === 0) blockError(file, node, `This debate has no arguments for the motion. Add \`### For\` and a list like: ${ARGUMENT_SHAPE}`);
  if (items.Against.length === 0)
    blockError(file, node, `This debate has no arguments against the motion. Add \`### Against\` and a list like: ${ARGUMENT_SHAPE}`);
  const timing = items.Timing.map((item) => toStage(item, file)).filter((stage) => stage !== undefined);
  if (!motion || forArguments.length === 0 || againstArguments.length === 0) return undefined;
  return { kind: 'debate', motion, for: forArguments, against: againstArguments, timing };
};

function toArgument(item: ListItem, file: Parameters<BlockParser>[1]): Argument | undefined {
  const labelled = labelledItem(item);
  if (!labelled) {
    const [claim, evidence] = splitAtLabel(plainText(item), 'Evidence');
    if (claim === '') {
      blockError(file, item, `This argument has no claim. Write it like: ${ARGUMENT_SHAPE}`);
      return undefined;
    }
    return evidence ? { claim, evidence } : { claim };
  }
  const [point, evidence] = splitAtLabel(labelled.text, 'Evidence');
  return { claim: labelled.label, ...(point ? { point } : {}), ...(evidence ? { evidence } : {}) };
}

function toStage(item: ListItem, file: Parameters<BlockParser>[1]): DebateStage | undefined {
  const labelled = labelledItem(item);
  const minutes = labelled ? /^(\d+)\s*(?:min(?:ute)?s?)?\.?$/i.exec(labelled.text) : null;
  if (!labelled || !minutes) {
    blockError(file, item, `A timing stage needs a name in bold and whole minutes. Write it like: ${STAGE_SHAPE}`);
    return undefined;
  }
  return { stage: labelled.label, minutes: Number(minutes[1]) };
}
