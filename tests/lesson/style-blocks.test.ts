import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { slideVisibleText } from '../../src/lesson/visible-text.ts';

const lesson = (allowHtml: boolean) =>
  `---\ntitle: Styles\nallowHtml: ${allowHtml}\n---\n\n## A slide\n\n<style>\nsection { color: red; }\n</style>\n\nVisible words <!-- a comment --> here.\n\n<style scoped>h2 { font-size: 10px }</style>\n`;

describe('style blocks in a lesson', () => {
  it('should leave a `<style>` block and comments out of the slide text, with a warning at each block', () => {
    const { lesson: parsed, file } = parseLesson(lesson(false), 'lessons/styles.md', 'styles');
    const text = slideVisibleText(parsed!.slides[0]);
    expect(text).toContain('Visible words');
    expect(text).not.toMatch(/color|font-size|comment/);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['8:1 style-block', '14:1 style-block']);
  });

  it('should keep `<style>` blocks in a lesson that trusts its HTML, where they style the deck', () => {
    const { lesson: parsed, file } = parseLesson(lesson(true), 'lessons/styles.md', 'styles');
    expect(JSON.stringify(parsed!.slides[0].parts)).toContain('<style>');
    expect(file.messages).toEqual([]);
  });
});
