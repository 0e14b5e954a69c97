// Lesson model → Reveal.js deck HTML through the Handlebars templates in templates/deck/.
import { generatedNotes } from '../lesson/generated-notes.ts';
import { lessonLanguage } from '../lesson/lesson-language.ts';
import { columnWidths, type Lesson, type SlidePart } from '../lesson/model.ts';
import type { DeckTemplates } from './deck-templates.ts';
import { ASSET_FOLDER, markdownToHtml } from './markdown-to-html.ts';

/** Files of the reveal.js package the deck loads, relative to its dist/ folder. */
export function revealFiles(theme: string): string[] {
  return ['reset.css', 'reveal.css', `theme/${theme}.css`, 'reveal.js', 'plugin/notes.js'];
}

export function renderDeck(lesson: Lesson, templates: DeckTemplates): string {
  const html = { assets: new Set(lesson.assets.map((asset) => asset.path)), trusted: lesson.meta.allowHtml === true };
  const partView = (part: SlidePart): Record<string, unknown> => {
    if (part.kind === 'markdown') return { partial: 'markdown', html: markdownToHtml(part.nodes, { ...html, incremental: part.incremental }) };
    if (part.kind === 'columns') {
      const widths = columnWidths(part);
      return {
        partial: 'columns',
        // A number the lesson gave, checked when it was read, and rounded here: never text copied into a style.
        columns: part.columns.map((column, index) => ({ width: Math.round(widths[index] * 100) / 100, html: markdownToHtml(column.nodes, html) })),
      };
    }
    if (part.kind === 'debate') return { ...part, partial: part.kind, totalMinutes: part.timing.reduce((sum, stage) => sum + stage.minutes, 0) };
    return { ...part, partial: part.kind };
  };
  const slides = lesson.slides.map((slide) => {
    const answers = slide.parts.flatMap((part) => (part.kind === 'questions' ? part.questions.filter((q) => q.answer) : []));
    return {
      line: slide.line,
      title: slide.title,
      background: slide.background && `${ASSET_FOLDER}/${slide.background}`,
      parts: slide.parts.map(partView),
      notesHtml: markdownToHtml(slide.notes, html),
      answers,
    };
  });
  const lang = lessonLanguage(lesson);
  return templates.layout({
    meta: lesson.meta,
    slides,
    hasNotes: true,
    lang,
    rtl: /^(ar|he|fa|ur|yi|ps|dv|ckb|sd|ug)\b/i.test(lang),
    generatedNotes: generatedNotes(lesson.meta),
  });
}
