// The deck as one HTML file: stylesheets, scripts and images inlined, so it can be emailed or uploaded alone.
import { toBase64 } from '../shared/base64.ts';
import { mediaTypeOf } from '../shared/media-types.ts';

/** `files` are the deck's files by their path relative to the deck, `index.html` among them. */
export function inlineDeck(files: Map<string, string | Uint8Array>): string {
  const text = (name: string) => {
    const data = files.get(name);
    if (data === undefined) throw new Error(`The deck refers to ${name}, which was not built.`);
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  };
  return text('index.html')
    .replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href: string) => `<style>\n${text(href).replace(/<\/style/gi, '<\\/style')}\n</style>`)
    .replace(
      /<script src="([^"]+)"><\/script>/g,
      (_, src: string) =>
        `<script>\n${text(src)
          .replace(/<\/script/gi, '<\\/script')
          .replace(/<!--/g, '<\\!--')}\n</script>`,
    )
    .replace(/(<img src=|data-background-image=)"([^"]+)"/g, (match, attribute: string, src: string) => {
      const data = files.get(src);
      const mime = mediaTypeOf(src);
      return data && mime?.startsWith('image/')
        ? `${attribute}"data:${mime};base64,${toBase64(typeof data === 'string' ? new TextEncoder().encode(data) : data)}"`
        : match;
    });
}
