// Write a zip file, the same bytes in every host: deflated by fflate (plain JavaScript), every entry dated alike, in the
// order given. The PowerPoint file and the studio's "Download all" are written with it.
import { deflateSync } from 'fflate';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 a zip entry records of its uncompressed bytes. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let index = 0; index < data.length; index++) crc = CRC_TABLE[(crc ^ data[index]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Little-endian fields of 2 or 4 bytes, as a zip's headers are written. */
function fields(values: [bytes: 2 | 4, value: number][]): Uint8Array {
  const bytes = new Uint8Array(values.reduce((sum, [size]) => sum + size, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [size, value] of values) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += size;
  }
  return bytes;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
}

/** Bit 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;
const DEFLATED = 8;
/** "Version needed to extract": 2.0, for deflate. */
const VERSION = 20;

/** A zip of these files, in this order, each deflated (level 6, as zlib's default) and dated `date` (MS-DOS time, in UTC). */
export function zipFiles(files: [name: string, data: Uint8Array][], date: Date): Uint8Array {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = encoder.encode(name);
    const deflated = deflateSync(data, { level: 6 });
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
  return concatBytes([...local, ...central, end]);
}
