import type { Paragraph, RootContent } from 'mdast';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formatMessages } from '../../src/shared/reporter.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';

const lessonWith = (body: string) => `---\ntitle: Math\n---\n\n# Slide\n\n${body}\n`;

/** The first slide's nodes as `type:value` strings (a paragraph's children one by one). */
function pieces(body: string): string[] {
  const { lesson, file } = parseLesson(lessonWith(body), 'lesson.md', 'math');
  expect(formatMessages(file)).toEqual([]);
  const nodes = lesson!.slides[0].parts.flatMap((part) => (part.kind === 'markdown' ? part.nodes : [])).slice(1) as RootContent[];
  return nodes.flatMap((node) =>
    node.type === 'paragraph'
      ? (node as Paragraph).children.map((child) => `${child.type}:${'value' in child ? child.value : ''}`)
      : [`${node.type}:${'value' in node ? node.value : ''}`],
  );
}

describe('math in a lesson', () => {
  it('should keep prices written with dollar signs as text', () => {
    expect(pieces('It cost $5 and later $10.')).toEqual(['text:It cost $5 and later $10.']);
    expect(pieces('A snack went from $1.50 to $2, and a drink costs $3.')).toEqual(['text:A snack went from $1.50 to $2, and a drink costs $3.']);
    expect(pieces('Tickets: $10 and $20 and $5.')).toEqual(['text:Tickets: $10 and $20 and $5.']);
  });

  it("should read $…$ as inline math only by Pandoc's rule", () => {
    expect(pieces('Energy is $E = mc^2$ here.')).toEqual(['text:Energy is ', 'inlineMath:E = mc^2', 'text: here.']);
    // A space after the opening dollar, or before the closing one, and a digit after the closing one: no math.
    expect(pieces('a $ x$ b')).toEqual(['text:a $ x$ b']);
    expect(pieces('a $x $ b')).toEqual(['text:a $x $ b']);
    expect(pieces('$x$5 apples')).toEqual(['text:$x$5 apples']);
  });

  it('should read \\$ as a dollar sign, outside math and inside it', () => {
    expect(pieces('Pay \\$x$ now')).toEqual(['text:Pay $x$ now']);
    expect(pieces('Cost $c = \\$4$ each')).toEqual(['text:Cost ', 'inlineMath:c = \\$4', 'text: each']);
  });

  it('should read $$…$$ between lines, or alone in a paragraph, as display math, and inside a sentence as math', () => {
    expect(pieces('$$\nv = \\frac{d}{t}\n$$')).toEqual(['math:v = \\frac{d}{t}']);
    expect(pieces('$$v = \\frac{d}{t}$$')).toEqual(['math:v = \\frac{d}{t}']);
    expect(pieces('so $$a+b$$ is')).toEqual(['text:so ', 'inlineMath:a+b', 'text: is']);
  });

  it('should find no math in the bundled lessons and the fixtures written before math existed', () => {
    const root = path.join(import.meta.dirname, '..', '..');
    const files = [
      ...readdirSync(path.join(root, 'lessons')).map((name) => path.join(root, 'lessons', name)),
      ...readdirSync(path.join(root, 'tests', 'fixtures', 'lessons')).map((name) => path.join(root, 'tests', 'fixtures', 'lessons', name, 'input.md')),
      ...readdirSync(path.join(root, 'tests', 'fixtures', 'conservation'))
        .filter((name) => name.endsWith('.md') && name !== 'stem-speed.md' && name !== 'formulas-in-blocks.md')
        .map((name) => path.join(root, 'tests', 'fixtures', 'conservation', name)),
      path.join(root, 'tests', 'fixtures', 'scripts', 'all-scripts.md'),
      path.join(root, 'tests', 'fixtures', 'hostile', 'xss.md'),
    ].filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(6);
    for (const file of files) {
      const { lesson } = parseLesson(readFileSync(file, 'utf8'), file, 'x');
      const formulas: string[] = [];
      for (const slide of lesson?.slides ?? [])
        for (const node of [...slide.parts.flatMap((part) => (part.kind === 'markdown' ? part.nodes : [])), ...slide.notes])
          visit(node, (child) => {
            if (child.type === 'math' || child.type === 'inlineMath') formulas.push(child.value);
          });
      expect(formulas, file).toEqual([]);
    }
  });

  it('should report a formula MathJax cannot read at its place, with its message and how to fix it', () => {
    const { lesson, file } = parseLesson(lessonWith('Half is $\\frac{1}{$ of it.\n\nAnd $\\foo$.'), 'lesson.md', 'math');
    expect(lesson).toBeUndefined();
    expect(formatMessages(file)).toEqual([
      'lesson.md:7:9: error: This math could not be read: Missing close brace. Check the braces and the command names (see README "Math").',
      'lesson.md:9:5: error: This math could not be read: Undefined control sequence \\foo. Check the braces and the command names (see README "Math").',
    ]);
  });

  it('should refuse the TeX commands that link, load or style (\\href, \\style, \\bbox)', () => {
    for (const tex of ['\\href{https://example.org}{x}', '\\style{color:red}{x}', '\\bbox[background:url(https://example.org/a.png)]{x}']) {
      const { file } = parseLesson(lessonWith(`Look: $${tex}$`), 'lesson.md', 'math');
      expect(formatMessages(file).join('\n')).toMatch(/^lesson\.md:7:7: error: This math could not be read: Undefined control sequence \\/);
    }
  });
});
