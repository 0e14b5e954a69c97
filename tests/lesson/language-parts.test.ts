// Passages in another language: found by their script, or marked by the lesson (`[Guten Tag]{lang=de}`); a passage in
// a script Lectern cannot name a language for is a warning that says how to mark it.
import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { languageParts } from '../../src/lesson/language-parts.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { readLanguageSpans } from '../../src/lesson/language-spans.ts';
import { parsePrintPiece } from '../../src/lesson/parse-markdown.ts';
import { fragmentMarkdown } from '../../src/print/fragment-markdown.ts';
import { VFile } from 'vfile';

const lessonWith = (body: string, frontMatter = '') => parseLesson(`---\ntitle: Hello\n${frontMatter}---\n\n# Greetings\n\n${body}\n`, 'hello.md', 'hello');

/** The texts of the lesson's first paragraph, each with its marked language. */
function marked(body: string): [string, string | undefined][] {
  const { lesson, file } = lessonWith(body);
  expect(file.messages.map(String)).toEqual([]);
  const part = lesson!.slides[0].parts[0];
  const nodes = part.kind === 'markdown' ? part.nodes : [];
  const paragraph = nodes.find((node) => node.type === 'paragraph')!;
  const texts: [string, string | undefined][] = [];
  const walk = (node: PhrasingContent) => {
    if (node.type === 'text') texts.push([node.value, node.data?.lang]);
    else if ('children' in node) node.children.forEach(walk);
  };
  paragraph.children.forEach(walk);
  return texts;
}

describe('passages in another language', () => {
  it("should find a passage in another script than the lesson's, with the language its letters point to", () => {
    expect(languageParts('She said: 안녕하세요, 반가워요. Then she sat down.', 'en')).toEqual([
      { text: 'She said: ' },
      { text: '안녕하세요, 반가워요', lang: 'ko' },
      { text: '. Then she sat down.' },
    ]);
    expect(languageParts('The word مرحبا means hello, and so does Привет.', 'en')).toEqual([
      { text: 'The word ' },
      { text: 'مرحبا', lang: 'ar' },
      { text: ' means hello, and so does ' },
      { text: 'Привет', lang: 'ru' },
      { text: '.' },
    ]);
    // Vowel signs and marks stay with their letters; kana with Han is Japanese.
    expect(languageParts('Hindi: हम पढ़ते हैं', 'en')).toEqual([{ text: 'Hindi: ' }, { text: 'हम पढ़ते हैं', lang: 'hi' }]);
    expect(languageParts('Tokyo is 東京です in Japanese', 'en')).toEqual([{ text: 'Tokyo is ' }, { text: '東京です', lang: 'ja' }, { text: ' in Japanese' }]);
  });

  it("should leave the lesson's own script unmarked, whatever language it is in", () => {
    expect(languageParts('Київ — столиця України', 'uk')).toEqual([{ text: 'Київ — столиця України' }]);
    expect(languageParts('한국어와 漢字', 'ko')).toEqual([{ text: '한국어와 漢字' }]);
    expect(languageParts('DNA は遺伝子です', 'ja')).toEqual([{ text: 'DNA は遺伝子です' }]);
    expect(languageParts('The water cycle', 'en')).toEqual([{ text: 'The water cycle' }]);
  });

  it('should read a passage the lesson marks, without its brackets, its formatting kept', () => {
    expect(marked('You say [Guten Tag]{lang=de} in German.')).toEqual([
      ['You say ', undefined],
      ['Guten Tag', 'de'],
      [' in German.', undefined],
    ]);
    expect(marked('In French: [**bonjour** à tous]{lang="fr"}!')).toEqual([
      ['In French: ', undefined],
      ['bonjour', 'fr'],
      [' à tous', 'fr'],
      ['!', undefined],
    ]);
    expect(marked('Brackets [stay] when no language follows.')).toEqual([['Brackets [stay] when no language follows.', undefined]]);
  });

  it('should say where a language tag is wrong, and how to write one', () => {
    const { file } = lessonWith('Say [Hallo]{lang=german} to them.');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.reason}`)).toEqual([
      '7:11 error "german" in "{lang=german}" is not a language tag. Write the language\'s code, like `[Guten Tag]{lang=de}` (German), `{lang=fr}` (French) or `{lang=zh-Hant}` (Chinese in traditional characters).',
    ]);
  });

  it('should warn about braces that follow no passage in brackets', () => {
    const { file } = lessonWith('Hallo]{lang=de} to them.');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['7:6 language-span']);
  });

  it('should warn about a passage in a script Lectern cannot name a language for, at its place, with the fix', () => {
    const { file } = lessonWith('In Georgian, hello is გამარჯობა.');
    const warnings = file.messages.filter((message) => message.ruleId === 'unmarked-language');
    expect(warnings.map((message) => `${message.line}:${message.column}`)).toEqual(['7:23']);
    expect(warnings[0].reason).toContain('`[გამარჯობა]{lang=ka}`');
    // Marked, or in a lesson in that language, it is no warning.
    const quiet = (body: string, frontMatter = '') => lessonWith(body, frontMatter).file.messages.filter((message) => message.ruleId === 'unmarked-language');
    expect(quiet('In Georgian, hello is [გამარჯობა]{lang=ka}.')).toEqual([]);
    expect(quiet('გამარჯობა, მეგობრებო.', 'lang: ka\n')).toEqual([]);
  });

  it("should keep a marked passage when a print template puts the lesson's text where it is written out as Markdown", () => {
    const { lesson } = lessonWith('In French: [**bonjour** à tous]{lang=fr}!');
    const part = lesson!.slides[0].parts[0];
    const written = fragmentMarkdown(part.kind === 'markdown' ? part.nodes : []);
    expect(written).toContain('**[bonjour]{lang=fr}**[ à tous]{lang=fr}!');
    const tree = parsePrintPiece(written);
    readLanguageSpans(tree, new VFile());
    const texts: string[] = [];
    const walk = (node: PhrasingContent) => {
      if (node.type === 'text' && node.data?.lang) texts.push(`${node.data.lang}: ${node.value}`);
      else if ('children' in node) node.children.forEach(walk);
    };
    for (const node of tree.children) if (node.type === 'paragraph') node.children.forEach(walk);
    expect(texts).toEqual(['fr: bonjour', 'fr:  à tous']);
  });
});
