// Lesson model → Reveal.js deck HTML through the Handlebars templates in templates/deck/.
import Handlebars from 'handlebars';
import { hasMathText, mapStrings } from '../lesson/inline-math-text.ts';
import { dateInLanguage } from '../labels/lesson-date.ts';
import { generatedNotes } from '../lesson/generated-notes.ts';
import { lessonLanguage } from '../lesson/lesson-language.ts';
import { columnWidths, type Lesson, type SlidePart } from '../lesson/model.ts';
import { mapDescription, mapDrawing } from '../lesson/geography/map-layout.ts';
import { legendLines, mapSvg, shadeSwatch } from '../lesson/geography/map-svg.ts';
import { timelineDrawing } from '../lesson/timeline-layout.ts';
import { timelineSvg } from '../lesson/timeline-svg.ts';
import type { DeckTemplates } from './deck-templates.ts';
import { ASSET_FOLDER, markdownToHtml } from './markdown-to-html.ts';
import { blockTextHtml } from './math-and-code.ts';

/** Files of the reveal.js package the deck loads, relative to its dist/ folder. */
export function revealFiles(theme: string): string[] {
  return ['reset.css', 'reveal.css', `theme/${theme}.css`, 'reveal.js', 'plugin/notes.js'];
}

export function renderDeck(lesson: Lesson, templates: DeckTemplates): string {
  const html = { assets: new Set(lesson.assets.map((asset) => asset.path)), trusted: lesson.meta.allowHtml === true, lang: lessonLanguage(lesson) };
  const lang = lessonLanguage(lesson);
  // A block's texts go to its template as they are, or, holding a formula, as HTML with the formula drawn.
  const withFormulas = <T>(value: T): T => mapStrings(value, (text) => (hasMathText(text) ? new Handlebars.SafeString(blockTextHtml(text, lang)) : text));
  const partView = (part: SlidePart, id: string): Record<string, unknown> => {
    if (part.kind === 'markdown') return { partial: 'markdown', html: markdownToHtml(part.nodes, { ...html, incremental: part.incremental }) };
    if (part.kind === 'columns') {
      const widths = columnWidths(part);
      return {
        partial: 'columns',
        // A number the lesson gave, checked when it was read, and rounded here: never text copied into a style.
        columns: part.columns.map((column, index) => ({ width: Math.round(widths[index] * 100) / 100, html: markdownToHtml(column.nodes, html) })),
      };
    }
    if (part.kind === 'debate') return { ...withFormulas(part), partial: part.kind, totalMinutes: part.timing.reduce((sum, stage) => sum + stage.minutes, 0) };
    if (part.kind === 'timeline') return { ...withFormulas(part), partial: part.kind, drawing: timelineSvg(timelineDrawing(part.events)) };
    if (part.kind === 'map')
      return {
        ...withFormulas(part),
        partial: part.kind,
        svg: mapSvg(mapDrawing(part), mapDescription(part, lesson.labels), id),
        legend: legendLines(part, lesson.labels).map((line) => ({ ...line, swatch: shadeSwatch(line.shade, id) })),
      };
    return { ...withFormulas(part), partial: part.kind };
  };
  const slides = lesson.slides.map((slide, slideIndex) => {
    const answers = slide.parts.flatMap((part) => (part.kind === 'questions' ? part.questions.filter((q) => q.answer) : []));
    return {
      line: slide.line,
      title: slide.title && withFormulas(slide.title),
      background: slide.background && `${ASSET_FOLDER}/${slide.background}`,
      parts: slide.parts.map((part, partIndex) => partView(part, `lectern-map-${slideIndex + 1}-${partIndex + 1}`)),
      notesHtml: markdownToHtml(slide.notes, html),
      answers: withFormulas(answers),
    };
  });
  return templates.layout(
    {
      // Its date as the lesson's language writes dates (a source's date is the lesson's own text, printed as written).
      meta: { ...lesson.meta, ...(lesson.meta.date ? { date: dateInLanguage(lesson.meta.date, lang) } : {}) },
      slides,
      hasNotes: true,
      lang,
      rtl: /^(ar|he|fa|ur|yi|ps|dv|ckb|sd|ug)\b/i.test(lang),
      generatedNotes: generatedNotes(lesson.meta, lesson.labels),
    },
    // `{{t "name"}}`: Lectern's words in the lesson's language (labels/label-helper.ts).
    { data: { labels: lesson.labels } },
  );
}
