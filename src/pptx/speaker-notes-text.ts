// Speaker notes as plain lines for PowerPoint's notes pane: the same words as the deck's speaker view.
import { texOf } from '../lesson/inline-math-text.ts';
import { label, type LessonLabels } from '../labels/lesson-labels.ts';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { generatedNotes } from '../lesson/generated-notes.ts';
import type { LessonMeta, Slide } from '../lesson/model.ts';

function noteLines(node: RootContent, indent = ''): string[] {
  if (node.type === 'list')
    return node.children.flatMap((item, index) => {
      const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '• ';
      const [first, ...rest] = item.children;
      const head = first && first.type !== 'list' ? [`${indent}${marker}${toString(first)}`] : [];
      const tail = (head.length > 0 ? rest : item.children).flatMap((child) => noteLines(child, `${indent}    `));
      return [...head, ...tail];
    });
  if (node.type === 'html') return [node.value.replace(/<[^>]*>/g, '')].filter((line) => line.trim() !== '');
  const text = toString(node);
  return text.trim() === '' ? [] : text.split('\n').map((line) => `${indent}${line}`);
}

/** The notes of a lesson slide, with the model answers of its questions (as the deck's speaker view shows them). */
export function slideNoteLines(slide: Slide, labels: LessonLabels): string[] {
  const lines = slide.notes.flatMap((node) => noteLines(node));
  const answers = slide.parts.flatMap((part) => (part.kind === 'questions' ? part.questions.filter((question) => question.answer) : []));
  if (answers.length > 0)
    lines.push(
      label(labels, 'notes.modelAnswers'),
      ...answers.map((question, index) => `${index + 1}. ${texOf(question.question)} — ${texOf(question.answer ?? '')}`),
    );
  return lines;
}

export function generatedNoteLines(meta: LessonMeta, labels: LessonLabels): { title: string[]; objectives: string[]; sources: string[] } {
  const notes = generatedNotes(meta, labels);
  return { title: [notes.title], objectives: [notes.objectives], sources: [notes.sources] };
}
