// Warnings about a lesson that builds but may disappoint in class: overfull slides, activities longer than the lesson,
// timeline events students cannot put in order.
import { countOf } from '../shared/count-of.ts';
import type { VFile } from 'vfile';
import { blocksOf, type Lesson, type TimelineEvent } from './model.ts';
import { report } from './problems.ts';
import { parseTimelineDate, type DateSpan } from './timeline-date.ts';
import { countWords, slideVisibleText } from './visible-text.ts';

/** Above this many words a slide is shrunk so far that the back of the room cannot read it. */
export const MAX_SLIDE_WORDS = 250;

export function lintLesson(lesson: Lesson, file: VFile): void {
  for (const slide of lesson.slides) {
    const words = countWords(slideVisibleText(slide));
    if (words > MAX_SLIDE_WORDS) {
      report(
        file,
        'warning',
        `This slide has ${words} words; the deck shrinks it to fit (down to half size, then the slide scrolls), and the back of the room will struggle to read it. Split it with a \`---\` line into two slides (at most ${MAX_SLIDE_WORDS} words each).`,
        { line: slide.line, column: 1 },
        'slide-too-long',
      );
    }
  }

  const activitySlides = lesson.slides.filter((slide) => slide.parts.some((part) => part.kind === 'activity'));
  const minutes = blocksOf(lesson, 'activity').reduce((sum, activity) => sum + (activity.minutes ?? 0), 0);
  const { duration } = lesson.meta;
  if (duration !== undefined && activitySlides.length > 0 && minutes > duration) {
    report(
      file,
      'warning',
      `The activities take ${countOf(minutes, 'minute')}, more than the lesson's duration of ${countOf(duration, 'minute')}. Shorten some activities (their {minutes=...}) or raise \`duration\` in the front matter.`,
      { line: activitySlides[0].line, column: 1 },
      'activity-minutes',
    );
  }

  lintTimeline(lesson, file);
}

/**
 * The timeline worksheet asks students to order the events, and its key takes the list's order as the true one:
 * so every two dates Lectern can read must name separate times, listed earliest first. Other dates ("Cold War era")
 * are left to the teacher.
 */
function lintTimeline(lesson: Lesson, file: VFile): void {
  const dated = blocksOf(lesson, 'timeline')
    .flatMap((block) => block.events)
    .map((event) => ({ event, span: parseTimelineDate(event.date) }))
    .filter((item): item is DatedEvent => item.span !== undefined);
  dated.forEach((later, index) => {
    // The nearest earlier event in the list is the one the teacher is most likely to compare it with.
    for (const earlier of dated.slice(0, index).reverse()) {
      const problem = orderProblem(earlier, later);
      if (!problem) continue;
      report(file, 'warning', problem.reason, { line: later.event.line, column: later.event.column }, problem.ruleId);
      break;
    }
  });
}

interface DatedEvent {
  event: TimelineEvent;
  span: DateSpan;
}

function orderProblem(earlier: DatedEvent, later: DatedEvent): { reason: string; ruleId: string } | undefined {
  const [a, b] = [earlier.span, later.span];
  const other = `${describe(earlier.event)} (line ${earlier.event.line})`;
  const self = `This timeline event, ${describe(later.event)},`;
  if (a.start === b.start && a.end === b.end) {
    return {
      reason: `${self} has the same date as ${other}, so students cannot tell which came first. Give each event its own, more exact date (e.g. "19 June 2024" and "20 June 2024"), or merge the two into one event.`,
      ruleId: 'timeline-same-date',
    };
  }
  if (a.start < b.end && b.start < a.end) {
    const relation =
      a.start <= b.start && b.end <= a.end
        ? `"${later.event.date}" falls within "${earlier.event.date}"`
        : b.start <= a.start && a.end <= b.end
          ? `"${earlier.event.date}" falls within "${later.event.date}"`
          : `"${later.event.date}" and "${earlier.event.date}" overlap`;
    return {
      reason: `${self} cannot be put in order with ${other}: ${relation}. Give both events dates of the same kind that do not overlap (e.g. "1950" and "1953", not "1950s" and "1953"), or merge the two into one event.`,
      ruleId: 'timeline-overlap',
    };
  }
  if (b.end <= a.start) {
    return {
      reason: `${self} is listed after ${other} but happened before it. The timeline key takes the list's order as the true order: move this event above that one.`,
      ruleId: 'timeline-order',
    };
  }
  return undefined;
}

/** An event as the teacher wrote it, with long text shortened: `"1991 — The Soviet Union breaks up."`. */
function describe(event: TimelineEvent): string {
  const words = event.event.split(' ');
  let text = '';
  for (const word of words) {
    if (text !== '' && `${text} ${word}`.length > 40) return `"${event.date} — ${text}…"`;
    text = text === '' ? word : `${text} ${word}`;
  }
  return `"${event.date} — ${text}"`;
}
