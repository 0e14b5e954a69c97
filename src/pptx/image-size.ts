// The pixel size of a PNG or JPEG, read from its header, so an image keeps its aspect ratio on a PowerPoint slide.

export interface ImageSize {
  width: number;
  height: number;
  mime: 'image/png' | 'image/jpeg';
}

export function imageSize(data: Uint8Array): ImageSize | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length >= 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47)
    return { width: view.getUint32(16), height: view.getUint32(20), mime: 'image/png' };
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  // JPEG: walk the segments to the first start-of-frame marker (C0–CF, except C4, C8 and CC), which holds the size.
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return undefined;
    const marker = data[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), mime: 'image/jpeg' };
    offset += 2 + length;
  }
  return undefined;
}
