// Each block parser on its own: the model it makes from a block, and the exact message for each wrong shape.
import type { ContainerDirective } from 'mdast-util-directive';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../src/shared/block-kinds.ts';
import { blockParsers } from '../../src/lesson/blocks/index.ts';
import { parseMarkdown } from '../../src/lesson/parse-markdown.ts';

function parseBlock(markdown: string) {
  const root = parseMarkdown(markdown);
  const node = root.children.find((child): child is ContainerDirective => child.type === 'containerDirective');
  if (!node) throw new Error(`no block in: ${markdown}`);
  const file = new VFile({ path: 'lesson.md', value: markdown });
  const block = blockParsers[node.name as keyof typeof blockParsers](node, file);
  const messages = file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'}: ${message.reason}`);
  return { block, messages };
}

describe('the block parsers', () => {
  it('should have one parser for every block kind', () => {
    expect(Object.keys(blockParsers).sort()).toEqual([...BLOCK_KINDS].sort());
  });

  describe(':::terms', () => {
    it('should read a term, its definition and its example', () => {
      const { block, messages } = parseBlock(':::terms\n- **Sanction** — a penalty on a country. _Example:_ Trade was cut.\n- **Ally** — a partner.\n:::\n');
      expect(messages).toEqual([]);
      expect(block).toEqual({
        kind: 'terms',
        terms: [
          { term: 'Sanction', definition: 'a penalty on a country.', example: 'Trade was cut.' },
          { term: 'Ally', definition: 'a partner.' },
        ],
      });
    });

    it('should name a term without bold and a term without a definition, at their lines', () => {
      const { block, messages } = parseBlock(':::terms\n- Sanction — a penalty.\n- **Ally**\n:::\n');
      expect(block).toBeUndefined();
      expect(messages).toEqual([
        '2:1 error: This term does not start with the term in bold. Write it like: `- **Term** — definition. _Example:_ a sentence using the term.`',
        '3:1 error: The term "Ally" has no definition. Write it like: `- **Term** — definition. _Example:_ a sentence using the term.`',
      ]);
    });

    it('should say an empty block is empty', () => {
      expect(parseBlock(':::terms\n:::\n').messages).toEqual([
        '1:1 error: The :::terms block is empty. Add list items like: `- **Term** — definition. _Example:_ a sentence using the term.`',
      ]);
    });
  });

  describe(':::timeline', () => {
    it('should read each date and event with the line it is on', () => {
      const { block, messages } = parseBlock(':::timeline\n- **1991** — The Soviet Union breaks up.\n- **June 2024** — A treaty is signed.\n:::\n');
      expect(messages).toEqual([]);
      expect(block).toEqual({
        kind: 'timeline',
        events: [
          { date: '1991', event: 'The Soviet Union breaks up.', line: 2, column: 3 },
          { date: 'June 2024', event: 'A treaty is signed.', line: 3, column: 3 },
        ],
      });
    });

    it('should name an entry without a bold date, and a paragraph inside the block', () => {
      const { messages } = parseBlock(':::timeline\n- 1991 — The Soviet Union breaks up.\n\nSome text.\n:::\n');
      expect(messages).toEqual([
        '4:1 error: Inside :::timeline, write only list items, one per line, like: `- **1991** — What happened.`',
        '2:1 error: A timeline entry needs a date in bold and then the event. Write it like: `- **1991** — What happened.`',
      ]);
    });
  });

  describe(':::debate', () => {
    const debate = [
      ':::debate',
      '**Motion:** This house would ban homework.',
      '',
      '### For',
      '- **Rest matters** — pupils need sleep. _Evidence:_ a survey of 2,000 pupils.',
      '',
      '### Against',
      '- Practice helps memory.',
      '',
      '### Timing',
      '- **Opening statements** — 4',
      ':::',
      '',
    ].join('\n');

    it('should read the motion, both sides with evidence, and the timing', () => {
      const { block, messages } = parseBlock(debate);
      expect(messages).toEqual([]);
      expect(block).toEqual({
        kind: 'debate',
        motion: 'This house would ban homework.',
        for: [{ claim: 'Rest matters', point: 'pupils need sleep.', evidence: 'a survey of 2,000 pupils.' }],
        against: [{ claim: 'Practice helps memory.' }],
        timing: [{ stage: 'Opening statements', minutes: 4 }],
      });
    });

    it('should suggest the section a teacher meant, and name a missing side and motion', () => {
      const { block, messages } = parseBlock(':::debate\n### Fro\n- **A** — b.\n:::\n');
      expect(block).toBeUndefined();
      expect(messages).toEqual([
        '2:1 error: Unknown debate section "Fro". Did you mean "For"? Use ### For, ### Against and (optionally) ### Timing.',
        '1:1 error: This debate has no motion. Add a line `**Motion:** This house believes ...` at the top of the block.',
        '1:1 error: This debate has no arguments for the motion. Add `### For` and a list like: `- **Claim** — why it holds. _Evidence:_ a fact from the reading.`',
        '1:1 error: This debate has no arguments against the motion. Add `### Against` and a list like: `- **Claim** — why it holds. _Evidence:_ a fact from the reading.`',
      ]);
    });

    it('should want whole minutes for a timing stage', () => {
      const { messages } = parseBlock(debate.replace('Opening statements** — 4', 'Opening statements** — four'));
      expect(messages).toEqual(['11:1 error: A timing stage needs a name in bold and whole minutes. Write it like: `- **Opening statements** — 4`']);
    });
  });

  describe(':::roles', () => {
    it('should read each role with its aim and talking points', () => {
      const { block, messages } = parseBlock(':::roles\n### The mayor\n**Aim:** keep the town dry.\n\n- Explain the budget.\n- Ask for help.\n:::\n');
      expect(messages).toEqual([]);
      expect(block).toEqual({ kind: 'roles', roles: [{ name: 'The mayor', aim: 'keep the town dry.', points: ['Explain the budget.', 'Ask for help.'] }] });
    });

    it('should want a heading before a role’s text', () => {
      const { block, messages } = parseBlock(':::roles\n**Aim:** keep the town dry.\n:::\n');
      expect(block).toBeUndefined();
      expect(messages).toEqual([
        '2:1 error: Each role in :::roles starts with a heading. Write: `### Role name`, then `**Aim:** what they want`, then a list of talking points.',
      ]);
    });
  });

  describe(':::questions', () => {
    it('should read questions with and without a model answer, warning at the one without', () => {
      const { block, messages } = parseBlock(':::questions\n1. Why does it rain? _Answer:_ Water vapour cools.\n2. Where does rain go?\n:::\n');
      expect(block).toEqual({
        kind: 'questions',
        questions: [{ question: 'Why does it rain?', answer: 'Water vapour cools.' }, { question: 'Where does rain go?' }],
      });
      expect(messages).toEqual([
        '3:1 warning: The question "Where does rain go?" has no model answer. Add one after it, like `_Answer:_ ...`; only the teacher sees it.',
      ]);
    });

    it('should name an answer without a question', () => {
      expect(parseBlock(':::questions\n1. _Answer:_ Water vapour cools.\n:::\n').messages).toEqual([
        '2:1 error: This item has an answer but no question. Write it like: `1. The question? _Answer:_ a model answer for the teacher.`',
      ]);
    });
  });

  describe(':::activity', () => {
    it('should read the title, minutes, grouping, description and steps', () => {
      const { block, messages } = parseBlock(
        ':::activity[Build a rain gauge]{minutes=20 grouping="Pairs"}\nYou need a bottle.\n\n1. Cut the bottle.\n2. Mark the scale.\n:::\n',
      );
      expect(messages).toEqual([]);
      expect(block).toEqual({
        kind: 'activity',
        title: 'Build a rain gauge',
        minutes: 20,
        grouping: 'Pairs',
        description: ['You need a bottle.'],
        steps: ['Cut the bottle.', 'Mark the scale.'],
      });
    });

    it('should suggest a misspelt setting, want whole minutes and a title', () => {
      const { block, messages } = parseBlock(':::activity{minuts=20 minutes=ten}\n1. Cut.\n:::\n');
      expect(block).toBeUndefined();
      expect(messages).toEqual([
        '1:1 error: Unknown activity setting "minuts". Did you mean "minutes"? Activities take minutes and grouping, like `:::activity[Build a timeline]{minutes=20 grouping="Small groups"}`.',
        '1:1 error: Activity minutes must be a whole number, like {minutes=20}; found "ten".',
        '1:1 error: This activity has no title. Put it in square brackets: `:::activity[Build a timeline]{minutes=20 grouping="Small groups"}`.',
      ]);
    });
  });
});
