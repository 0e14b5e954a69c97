import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { formatMessages } from '../../src/shared/reporter.ts';

const lesson = (body: string) => parseLesson(`---\ntitle: T\n---\n\n${body}`, 'x.md', 'x');
const shown = (parsed: ReturnType<typeof lesson>) => JSON.stringify(parsed.lesson!.slides.map((slide) => slide.parts));
const notes = (parsed: ReturnType<typeof lesson>) => JSON.stringify(parsed.lesson!.slides.map((slide) => slide.notes));

describe('speaker notes', () => {
  it('should start the notes at "note:" and "NOTES:" in any letter case', () => {
    const parsed = lesson('# One\n\nShown.\n\nnote: Quiet one.\n\n---\n\n# Two\n\nShown too.\n\nNOTES: Quiet two.\n');
    expect(shown(parsed)).not.toMatch(/Quiet/);
    expect(notes(parsed)).toContain('Quiet one.');
    expect(notes(parsed)).toContain('Quiet two.');
    expect(formatMessages(parsed.file)).toEqual([]);
  });

  it('should keep a "Note:" line inside a list, a block or a paragraph off the slide, and warn', () => {
    const parsed = lesson(
      '# One\n\n- Shown.\nNote: Quiet one.\n- Also quiet.\n\n---\n\n# Two\n\n:::questions\n1. Why?\n   _Answer:_ Because.\n\n   Note: Quiet two.\n:::\n\n---\n\n# Three\n\nShown three.\nNote: Quiet three.\n',
    );
    expect(shown(parsed)).toContain('Shown.');
    expect(shown(parsed)).toContain('Shown three.');
    expect(shown(parsed)).not.toMatch(/Quiet/);
    expect(notes(parsed)).toMatch(/Quiet one.*Also quiet.*Quiet two.*Quiet three/);
    expect(formatMessages(parsed.file).map((line) => line.split(' the speaker notes')[0])).toEqual([
      'x.md:8:1: warning: `Note:` starts',
      'x.md:19:1: warning: `Note:` starts',
      'x.md:27:1: warning: `Note:` starts',
    ]);
  });

  it('should not take "**Note:**" or a word ending in "note:" for the notes', () => {
    const parsed = lesson('# One\n\n**Note:** bring a pencil.\n\nFootnote: on page 3.\n');
    expect(shown(parsed)).toContain('bring a pencil');
    expect(shown(parsed)).toContain('Footnote: on page 3.');
    expect(notes(parsed)).toBe('[[]]');
  });
});

describe('lines that look like block lines', () => {
  it('should read "::: terms" as ":::terms" and say how to write it', () => {
    const parsed = lesson('# Words\n\n::: terms\n- **Alliance** — An agreement.\n:::\n');
    expect(parsed.lesson!.slides[0].parts[1]).toEqual({ kind: 'terms', terms: [{ term: 'Alliance', definition: 'An agreement.' }] });
    expect(formatMessages(parsed.file)).toEqual([
      'x.md:7:1: warning: `::: terms` has a space after `:::`, which Markdown shows as text. Lectern reads it as `:::terms`: write it that way.',
    ]);
  });

  it('should warn about a stray ":::" and about "::terms"', () => {
    const parsed = lesson('# Words\n\nText.\n\n:::\n\n::terms\n\nIt starts at 3:30pm.\n');
    expect(formatMessages(parsed.file)).toEqual([
      'x.md:9:1: warning: This `:::` would close a block, but no block is open here, so it is shown as text. Remove it, or open the block above it with a line like `:::terms`.',
      'x.md:11:1: warning: `::terms` has two colons, so it is shown as text. A block opens with three, `:::terms`, and closes with `:::` on its own line.',
    ]);
  });
});

describe('image paths', () => {
  it('should read an image path with spaces, and one in <…>', () => {
    const parsed = lesson('# Map\n\n![Flag](images/my flag.png)\n\n![Other flag](<images/other flag.png>)\n');
    expect(parsed.lesson!.assets.map((asset) => [asset.path, asset.line])).toEqual([
      ['images/my flag.png', 7],
      ['images/other flag.png', 9],
    ]);
    expect(formatMessages(parsed.file)).toEqual([]);
  });

  it('should warn about text that looks like an image but is not one', () => {
    const parsed = lesson('# Map\n\n![Flag](images/flag.png\n');
    expect(formatMessages(parsed.file)).toEqual([
      'x.md:7:1: warning: This looks like an image but is shown as text: write it as `![description](images/file.png)` on one line, with the closing `)`.',
    ]);
  });
});
