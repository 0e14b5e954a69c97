// The text students see: of a slide (for "too much text" checks) and of the whole lesson (the reading text).
import { texOf } from './inline-math-text.ts';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markdownNodesOf, type Block, type Lesson, type Slide } from './model.ts';

function blockText(block: Block): string[] {
  return blockStrings(block).map(texOf);
}

function blockStrings(block: Block): string[] {
  switch (block.kind) {
    case 'terms':
      return block.terms.flatMap((term) => [term.term, term.definition, term.example ?? '']);
    case 'timeline':
      return block.events.flatMap((event) => [event.date, event.event]);
    case 'debate':
      return [block.motion, ...[...block.for, ...block.against].flatMap((argument) => [argument.claim, argument.point ?? ''])];
    case 'roles':
      return block.roles.flatMap((role) => [role.name, role.aim ?? '']);
    case 'questions':
      return block.questions.map((question) => question.question);
    case 'activity':
      return [block.title, ...block.description, ...block.steps];
    case 'map':
      return mapText(block);
  }
}

/** Every word a map shows: its caption, the legend, the names of shaded countries and places, the arrows' labels. */
export function mapText(map: Extract<Block, { kind: 'map' }>): string[] {
  return [
    texOf(map.caption),
    ...map.shades.flatMap((shade) => [shade.label ?? '', ...shade.countries.map((country) => country.name)]),
    ...map.places.map((place) => place.name),
    ...map.arrows.map((arrow) => arrow.label ?? ''),
  ].filter(Boolean);
}

/** Plain text of Markdown nodes, one string per block-level node so sentences do not run together. */
export function markdownText(nodes: RootContent[]): string[] {
  return nodes.flatMap((node) => (node.type === 'list' ? node.children.map((item) => toString(item)) : [toString(node)]));
}

export function slideVisibleText(slide: Slide): string {
  return slide.parts
    .flatMap((part) => {
      const nodes = markdownNodesOf(part);
      return nodes ? markdownText(nodes) : blockText(part as Block);
    })
    .join(' ');
}

/** The reading text of a lesson: the ordinary Markdown of its slides, without titles, notes or blocks. */
export function readingText(lesson: Lesson): string[] {
  return lesson.slides.flatMap((slide) => slide.parts.flatMap((part) => markdownText((markdownNodesOf(part) ?? []).filter((node) => node.type !== 'heading'))));
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
