// The slide preview: the lesson's deck, as the pipeline makes it, in a frame beside the editor. A change to the slides
// is put into the running deck in place (no reload, no flash); the deck follows the slide the cursor is on.
import { toBase64 } from '../shared/base64.ts';
import { mediaTypeOf } from '../shared/media-types.ts';

interface RevealApi {
  isReady: () => boolean;
  sync: () => void;
  slide: (h: number, v?: number) => void;
  getIndices: () => { h: number };
  getCurrentSlide: () => Element | undefined;
}

type DeckWindow = Window & { Reveal?: RevealApi; fitSlide?: (slide: Element | undefined) => void };

export interface DeckPreview {
  show: (html: string, styles: string, images: Map<string, Uint8Array>) => void;
  /** Show the slide made from this line of the lesson. */
  followLine: (line: number) => void;
  slideCount: () => number;
}

export function deckPreview(frame: HTMLIFrameElement, base: string): DeckPreview {
  let shownHead: string | undefined;
  let line = 1;
  const reveal = new URL('files/reveal.js/dist/', base).href;
  // An image's address is made once, not at every keystroke.
  const addresses = new WeakMap<Uint8Array, string>();
  const address = (data: Uint8Array, type: string) => {
    let known = addresses.get(data);
    if (!known) addresses.set(data, (known = `data:${type};base64,${toBase64(data)}`));
    return known;
  };

  /** The deck with reveal.js from the studio's files, its stylesheet and images inside it. */
  const prepare = (html: string, styles: string, images: Map<string, Uint8Array>) =>
    html
      // A frame's page cannot change its address: the preview's slides are not in it (the deck's own are).
      .replace('hash: true,', 'hash: false,')
      .replace(/(href|src)="reveal\//g, `$1="${reveal}`)
      .replace('<link rel="stylesheet" href="lectern.css">', `<style>\n${styles.replace(/<\/style/gi, '<\\/style')}\n</style>`)
      .replace(/(src|data-background-image)="assets\/([^"]+)"/g, (match, attribute: string, path: string) => {
        const data = images.get(decodeURI(path)) ?? images.get(path);
        const type = mediaTypeOf(path);
        return data && type?.startsWith('image/') ? `${attribute}="${address(data, type)}"` : match;
      });

  const deckWindow = () => frame.contentWindow as DeckWindow | null;

  const slideIndexOf = (lessonLine: number): number => {
    const slides = [...(frame.contentDocument?.querySelectorAll('.reveal .slides > section') ?? [])];
    let index = 0;
    slides.forEach((slide, at) => {
      const from = Number((slide as HTMLElement).dataset.lessonLine);
      if (Number.isFinite(from) && from <= lessonLine) index = at;
    });
    return index;
  };

  const follow = () => {
    const deck = deckWindow()?.Reveal;
    if (!deck?.isReady()) return;
    const index = slideIndexOf(line);
    if (deck.getIndices().h !== index) deck.slide(index);
  };

  frame.addEventListener('load', () => {
    // reveal.js is ready a moment after the page: follow the cursor once it is.
    const wait = (tries: number) => {
      if (deckWindow()?.Reveal?.isReady()) follow();
      else if (tries > 0) setTimeout(() => wait(tries - 1), 50);
    };
    wait(100);
  });

  return {
    show: (html, styles, images) => {
      const page = prepare(html, styles, images);
      const head = page.slice(0, page.indexOf('<div class="slides">'));
      const document = frame.contentDocument;
      const slides = document?.querySelector('.reveal .slides');
      const deck = deckWindow()?.Reveal;
      const fresh = new DOMParser().parseFromString(page, 'text/html').querySelector('.reveal .slides');
      if (head === shownHead && slides && fresh && deck?.isReady()) {
        slides.innerHTML = fresh.innerHTML;
        // As the deck's own script does when it loads: each block takes its direction from its own text.
        slides.querySelectorAll(':is(p, li, h1, h2, h3, h4, td, th, dt, dd, blockquote, figcaption)').forEach((element) => {
          if (!element.hasAttribute('dir')) element.setAttribute('dir', 'auto');
        });
        deck.sync();
        const index = slideIndexOf(line);
        deck.slide(Math.min(index, slides.children.length - 1));
        deckWindow()?.fitSlide?.(deck.getCurrentSlide());
        return;
      }
      shownHead = head;
      frame.srcdoc = page;
    },
    followLine: (lessonLine) => {
      line = lessonLine;
      follow();
    },
    slideCount: () => frame.contentDocument?.querySelectorAll('.reveal .slides > section').length ?? 0,
  };
}
