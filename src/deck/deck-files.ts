// Every file of a lesson's deck folder, by its path in the folder: the page, its stylesheet, reveal.js and the images.
import type { Lesson } from '../lesson/model.ts';
import type { DeckTemplates } from './deck-templates.ts';
import { ASSET_FOLDER } from './markdown-to-html.ts';
import { renderDeck } from './render-deck.ts';

/** `reveal` holds the reveal.js files the deck loads (`revealFiles`), by their path in reveal.js's dist/ folder. */
export function deckFiles(
  lesson: Lesson,
  images: Map<string, Uint8Array>,
  templates: DeckTemplates,
  reveal: Map<string, Uint8Array>,
): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  files.set('index.html', renderDeck(lesson, templates));
  files.set('lectern.css', templates.styles);
  for (const [name, data] of reveal) files.set(`reveal/${name}`, data);
  for (const [assetPath, data] of images) files.set(`${ASSET_FOLDER}/${assetPath}`, data);
  return files;
}
