// :::questions — discussion questions, each with an optional `_Answer:_` for the teacher only.
import type { Question } from '../model.ts';
import { placeOf, plainText, splitAtLabel } from '../inline-text.ts';
import { report } from '../problems.ts';
import { blockError, listItemsOf, type BlockParser } from './block-context.ts';

const SHAPE = '`1. The question? _Answer:_ a model answer for the teacher.`';

export const parseQuestions: BlockParser = (node, file) => {
  const questions: Question[] = [];
  for (const item of listItemsOf(node, file, SHAPE)) {
    const [question, answer] = splitAtLabel(plainText(item), 'Answer');
    if (question === '') {
      blockError(file, item, `This item has an answer but no question. Write it like: ${SHAPE}`);
      continue;
    }
    if (!answer) {
      report(
        file,
        'warning',
        `The question "${question}" has no model answer. Add one after it, like \`_Answer:_ ...\`; only the teacher sees it.`,
        placeOf(item),
        'question-answer',
      );
    }
    questions.push(answer ? { question, answer } : { question });
  }
  return questions.length > 0 ? { kind: 'questions', questions } : undefined;
};
