// pptxgenjs writes the time of the build into the file (the zip's entries and docProps/core.xml) and puts a slide's
// notes in one run with raw line breaks. Rewrite the zip with one fixed date, so two builds give the same bytes, and
// give each notes line its own paragraph in the lesson's language, as PowerPoint's notes pane expects.
import { unzipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

function notesParagraphs(xml: string, lang: string): string {
  const language = escapeAttribute(lang);
  return xml.replace(
    /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/,
    (_, text: string) =>
      text
        .split(/\r?\n/)
        .map((line) =>
          line === ''
            ? `<a:p><a:endParaRPr lang="${language}" dirty="0"/></a:p>`
            : `<a:p><a:r><a:rPr lang="${language}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`,
        )
        .join(''),
  );
}

/** A paragraph has at most one `<a:pPr>`, its first child (pptxgenjs may write one per run, which PowerPoint repairs). */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, inside: string) => {
    const first = /^<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/.exec(inside)?.[0] ?? '';
    const rest = inside.slice(first.length).replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '');
    return rest.length + first.length === inside.length ? paragraph : `<a:p>${first}${rest}</a:p>`;
  });
}

/** Little-endian fields of 2 or 4 bytes, as a zip's headers are written. */
function fields(values: [bytes: 2 | 4, value: number][]): Buffer {
  const buffer = Buffer.alloc(values.reduce((sum, [bytes]) => sum + bytes, 0));
  let at = 0;
  for (const [bytes, value] of values) at = bytes === 2 ? buffer.writeUInt16LE(value, at) : buffer.writeUInt32LE(value, at);
  return buffer;
}

/** Bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
const DEFLATED = 8;
/** "Version needed to extract": 2.0, for deflate. */
const VERSION = 20;

/**
 * A zip of these files, in this order, each deflated by zlib (native code: no compressor's buffers on the JavaScript
 * heap, which a library's build of a hundred PowerPoint files filled) and dated `date` (MS-DOS time, in UTC).
 */
function zipFiles(files: [name: string, data: Uint8Array][], date: Date): Uint8Array {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 6 });
    const shared: [2 | 4, number][] = [
      [2, UTF8_NAMES],
      [2, DEFLATED],
      [2, time],
      [2, day],
      [4, crc32(data)],
      [4, deflated.byteLength],
      [4, data.byteLength],
      [2, nameBytes.byteLength],
      [2, 0],
    ];
    local.push(fields([[4, 0x04034b50], [2, VERSION], ...shared]), nameBytes, deflated);
    // After the extra field's length: the comment's, the disk, internal and external attributes, the local header's offset.
    central.push(fields([[4, 0x02014b50], [2, VERSION], [2, VERSION], ...shared, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), nameBytes);
    offset += 30 + nameBytes.byteLength + deflated.byteLength;
  }
  const directorySize = central.reduce((sum, part) => sum + part.byteLength, 0);
  const end = fields([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, files.length],
    [2, files.length],
    [4, directorySize],
    [4, offset],
    [2, 0],
  ]);
  return Buffer.concat([...local, ...central, end]);
}

/** pptxgenjs's file (written uncompressed) with every date `date`, the notes in paragraphs, and compressed. */
export function reproducibleZip(data: Uint8Array, date: Date, lang: string): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const rewrite = (name: string, bytes: Uint8Array): Uint8Array => {
    if (name === 'docProps/core.xml') return Buffer.from(text(bytes).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`));
    if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) return Buffer.from(notesParagraphs(text(bytes), lang));
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) return Buffer.from(oneParagraphProperties(text(bytes)));
    return bytes;
  };
  // Folders' own entries are left out, as PowerPoint writes none.
  const files = Object.entries(unzipSync(data)).filter(([name]) => !name.endsWith('/'));
  return zipFiles(
    files.map(([name, bytes]) => [name, rewrite(name, bytes)]),
    date,
  );
}
