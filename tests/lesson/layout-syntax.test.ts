import { describe, expect, it } from 'vitest';
import type { ColumnsPart } from '../../src/lesson/model.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';

const lesson = (body: string) => parseLesson(`---\ntitle: Harbours\n---\n\n${body}`, 'x.md', 'x');
const columnsOf = (body: string) => {
  const { lesson: parsed, file } = lesson(body);
  expect(file.messages.map(String)).toEqual([]);
  return parsed!.slides[0].parts.find((part): part is ColumnsPart => part.kind === 'columns')!;
};

describe('columns', () => {
  it('should read ::::columns with :::column blocks inside, with and without widths', () => {
    const part = columnsOf('## Work\n\n::::columns\n:::column{width=40%}\nOn the boats.\n:::\n:::column\nOn the quay.\n:::\n::::\n');
    expect(part.columns.map((column) => column.width)).toEqual([40, undefined]);
    expect(JSON.stringify(part.columns[0].nodes)).toContain('On the boats.');
    expect(JSON.stringify(part.columns[1].nodes)).toContain('On the quay.');
  });

  it('should read :::columns written with three colons like the columns inside it, as a teacher means it', () => {
    const part = columnsOf('## Work\n\n:::columns\n:::column\nOn the boats.\n:::\n:::column{width=30}\nOn the quay.\n:::\n:::\n\nAfter the columns.\n');
    expect(part.columns).toHaveLength(2);
    expect(part.columns[1].width).toBe(30);
    const { lesson: parsed } = lesson('## Work\n\n:::columns\n:::column\nOn the boats.\n:::\n:::\n\nAfter the columns.\n');
    expect(JSON.stringify(parsed!.slides[0].parts.at(-1))).toContain('After the columns.');
  });

  it('should leave :::columns inside a code block as the example it is', () => {
    const { lesson: parsed } = lesson('## Syntax\n\n```markdown\n:::columns\n:::column\nLeft\n:::\n:::\n```\n');
    expect(JSON.stringify(parsed!.slides[0].parts)).toContain(':::columns\\n:::column\\nLeft\\n:::\\n:::');
  });

  it("should keep a column's images as lesson files, checked like any other", () => {
    const { lesson: parsed, file } = lesson('## Map\n\n::::columns\n:::column\n![Bay](../bay.png)\n:::\n::::\n');
    expect(parsed).toBeUndefined();
    expect(file.messages.map(String)).toEqual([
      'x.md:9:1: The image path "../bay.png" leaves the lesson\'s folder; lessons may only use files inside it. Save the image in the lesson\'s folder (or a folder inside it) and write a relative path, like `![A map of East Asia](images/map.png)`.',
    ]);
  });

  it('should not take a lesson block between the columns', () => {
    const { file } = lesson('## Words\n\n::::columns\n:::column\nQuay.\n:::\n:::terms\n- **Quay** — Where boats tie up.\n:::\n::::\n');
    expect(file.messages.map(String)).toEqual([
      'x.md:11:1: `:::terms` cannot go directly inside `::::columns`: a column holds ordinary Markdown (text, lists, pictures, tables). Put the block below the `::::` that closes the columns.',
    ]);
  });
});

describe('image sizes', () => {
  const sizeOf = (markdown: string) => {
    const { lesson: parsed, file } = lesson(`## Map\n\n${markdown}\n`);
    expect(file.messages.map(String)).toEqual([]);
    const paragraph = parsed!.slides[0].parts[0].kind === 'markdown' ? parsed!.slides[0].parts[0].nodes[1] : undefined;
    return paragraph?.type === 'paragraph' ? paragraph.children : [];
  };

  it('should read {width=50%}, {width=300px}, {width=300} and {height=200px} after an image, and take them out of the text', () => {
    expect(sizeOf('![Bay](bay.png){width=50%}')).toEqual([
      { type: 'image', title: null, url: 'bay.png', alt: 'Bay', data: { size: { width: { value: 50, unit: '%' } } } },
    ]);
    expect(sizeOf('![Bay](bay.png){width=300px height="200px"} and text')).toEqual([
      { type: 'image', title: null, url: 'bay.png', alt: 'Bay', data: { size: { width: { value: 300, unit: 'px' }, height: { value: 200, unit: 'px' } } } },
      { type: 'text', value: ' and text' },
    ]);
    expect(sizeOf('![Bay](bay.png){width=300}')[0]).toMatchObject({ data: { size: { width: { value: 300, unit: 'px' } } } });
  });

  it("should read Marp's sizes in the alt text and keep the rest of it as the description", () => {
    expect(sizeOf('![w:300 A map of the bay](bay.png)')[0]).toMatchObject({ alt: 'A map of the bay', data: { size: { width: { value: 300, unit: 'px' } } } });
    expect(sizeOf('![height:200px The bay](bay.png)')[0]).toMatchObject({ alt: 'The bay', data: { size: { height: { value: 200, unit: 'px' } } } });
  });
});

describe('background pictures', () => {
  it('should take {background="…"} off the slide title, keep the picture as a lesson file and leave the title clean', () => {
    const { lesson: parsed, file } = lesson('## Morning in the harbour {background="images/harbour.jpg"}\n\nThe boats leave.\n');
    expect(file.messages.map(String)).toEqual([]);
    const [slide] = parsed!.slides;
    expect(slide.title).toBe('Morning in the harbour');
    expect(slide.background).toBe('images/harbour.jpg');
    expect(parsed!.assets).toEqual([{ path: 'images/harbour.jpg', line: 5, column: 27 }]);
    expect(JSON.stringify(slide.parts)).not.toContain('background');
  });

  it('should refuse a background on the internet', () => {
    const { file } = lesson('## Harbour {background="https://example.org/harbour.jpg"}\n\nThe boats leave.\n');
    expect(file.messages.map(String)).toEqual([
      'x.md:5:12: The image "https://example.org/harbour.jpg" is on the internet; decks must work without Wi-Fi. Save the image in the lesson\'s folder (or a folder inside it) and write a relative path, like `![A map of East Asia](images/map.png)`.',
    ]);
  });
});
