// Warnings about a lesson that builds but may disappoint in class: overfull slides, activities longer than the lesson.
import type { VFile } from 'vfile';
import { blocksOf, type Lesson } from './model.ts';
import { report } from './problems.ts';
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
        `This slide has ${words} words; the deck shrinks it to fit, and the back of the room will struggle to read it. Split it with a \`---\` line into two slides (at most ${MAX_SLIDE_WORDS} words each).`,
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
      `The activities take ${minutes} minutes, more than the lesson's duration of ${duration} minutes. Shorten some activities (their {minutes=...}) or raise \`duration\` in the front matter.`,
      { line: activitySlides[0].line, column: 1 },
      'activity-minutes',
    );
  }
}
