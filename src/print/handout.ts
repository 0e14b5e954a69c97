// The student handout: name line, title, objectives, the reading text, key terms, timeline, activities, roles, questions with writing lines, sources.
import type { RootContent } from 'mdast';
import { blocksOf, type Lesson } from '../lesson/model.ts';
import {
  BODY_SIZE,
  MUTED,
  bodyText,
  contentWidth,
  ensureSpace,
  heading,
  left,
  nameClassDate,
  simpleList,
  table,
  tableStartHeight,
  writingLines,
  type Column,
} from './layout.ts';
import { createPdf, finishPdf } from './pdf-document.ts';
import { typesetMarkdown, type TypesetContext } from './typeset-markdown.ts';

const WRITING_LINES = 4;

export type ImageLoader = TypesetContext['loadImage'];

export function typesetHandout(lesson: Lesson, loadImage: ImageLoader): Promise<Buffer> {
  const { meta } = lesson;
  const doc = createPdf(meta, 'Student handout');
  nameClassDate(doc, meta.school);
  heading(doc, meta.title, 1);
  if (meta.subtitle) bodyText(doc, meta.subtitle, { size: 14, color: MUTED });
  const details = [meta.subject, meta.grade && `Grade ${meta.grade}`, meta.duration && `${meta.duration} minutes`].filter(Boolean).join(' · ');
  if (details) bodyText(doc, details, { size: BODY_SIZE - 1, color: MUTED });
  doc.y += 6;

  if (meta.objectives.length > 0) {
    heading(doc, 'What you will learn', 2);
    simpleList(doc, meta.objectives);
  }

  const readingSlides = lesson.slides
    .map((slide) => ({ title: slide.title, nodes: readingNodes(slide.parts) }))
    .filter((slide) => slide.nodes.some((node) => node.type !== 'heading'));
  if (readingSlides.length > 0) {
    heading(doc, 'Reading', 2);
    const context: TypesetContext = { doc, indent: 0, loadImage, headingShift: 1 };
    for (const slide of readingSlides) typesetMarkdown(slide.nodes, context);
  }

  const terms = blocksOf(lesson, 'terms').flatMap((block) => block.terms);
  if (terms.length > 0) {
    heading(doc, 'Key terms', 2, 100);
    for (const term of terms) {
      doc.font('body').fontSize(BODY_SIZE);
      ensureSpace(doc, 3 * BODY_SIZE * 1.5);
      doc.font('bold').fillColor('black').text(`${term.term} — `, left(doc), doc.y, { continued: true, lineGap: 2.5 });
      doc.font('body').text(term.definition, { lineGap: 2.5 });
      if (term.example) bodyText(doc, `Example: ${term.example}`, { size: BODY_SIZE - 0.5, color: MUTED, x: left(doc) + 14 });
      doc.y += 6;
    }
  }

  const events = blocksOf(lesson, 'timeline').flatMap((block) => block.events);
  if (events.length > 0) {
    const columns: Column[] = [
      { header: 'When', share: 1, bold: true },
      { header: 'What happened', share: 3.6 },
    ];
    const rows = events.map((event) => [event.date, event.event]);
    heading(doc, 'Timeline', 2, tableStartHeight(doc, columns, rows));
    table(doc, columns, rows);
  }

  const activities = blocksOf(lesson, 'activity');
  if (activities.length > 0) {
    heading(doc, 'Activities', 2, 90);
    for (const activity of activities) {
      heading(doc, activity.title, 3, 50);
      const details = [activity.minutes && `${activity.minutes} minutes`, activity.grouping].filter(Boolean).join(' · ');
      if (details) bodyText(doc, details, { size: BODY_SIZE - 0.5, color: MUTED });
      for (const paragraph of activity.description) bodyText(doc, paragraph);
      if (activity.steps.length > 0) {
        doc.y += 3;
        simpleList(doc, activity.steps, { numbered: true });
      }
      doc.y += 4;
    }
  }

  const roles = blocksOf(lesson, 'roles').flatMap((block) => block.roles);
  if (roles.length > 0) {
    const columns: Column[] = [
      { header: 'Role', share: 1.1, bold: true },
      { header: 'Aim', share: 1.4 },
      { header: 'Talking points', share: 2.4 },
    ];
    const rows = roles.map((role) => [role.name, role.aim ?? '', role.points.map((point) => `• ${point}`).join('\n')]);
    heading(doc, 'Roles', 2, tableStartHeight(doc, columns, rows));
    table(doc, columns, rows);
  }

  const questions = blocksOf(lesson, 'questions').flatMap((block) => block.questions);
  if (questions.length > 0) {
    const questionHeight = (text: string) =>
      doc
        .font('bold')
        .fontSize(BODY_SIZE)
        .heightOfString(text, { width: contentWidth(doc), lineGap: 2.5 }) +
      WRITING_LINES * 24;
    heading(doc, 'Questions to discuss', 2, questionHeight(questions[0].question));
    questions.forEach((question, index) => {
      const text = `${index + 1}. ${question.question}`;
      ensureSpace(doc, questionHeight(text));
      bodyText(doc, text, { font: 'bold' });
      writingLines(doc, WRITING_LINES);
    });
  }

  if (meta.sources.length > 0) {
    heading(doc, 'Sources', 2);
    simpleList(
      doc,
      meta.sources.map((source) => [source.title, source.publisher, source.date, source.url].filter(Boolean).join(', ')),
      { size: BODY_SIZE - 0.5 },
    );
  }
  return finishPdf(doc, `${meta.title} — Student handout`);
}

/** What students read of a slide: its ordinary Markdown, without notes and without blocks (printed in their own sections). */
function readingNodes(parts: Lesson['slides'][number]['parts']): RootContent[] {
  return parts.flatMap((part) => (part.kind === 'markdown' ? part.nodes : []));
}
