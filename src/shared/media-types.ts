// The media type of each kind of file Lectern serves (`lectern dev`) or inlines (the single-file deck), by extension.
import { extname } from 'pathe';

export const MEDIA_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
} as const satisfies Record<string, string>;

/** The media type for a file name or path, by its extension (any case); undefined for one Lectern does not know. */
export function mediaTypeOf(name: string): string | undefined {
  const extension = extname(name).toLowerCase();
  return Object.hasOwn(MEDIA_TYPES, extension) ? MEDIA_TYPES[extension as keyof typeof MEDIA_TYPES] : undefined;
}
