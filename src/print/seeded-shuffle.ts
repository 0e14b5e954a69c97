// Shuffles that are the same every time for the same lesson, so a reprinted worksheet still matches its key.

/** A 32-bit seed from text (FNV-1a). */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-known deterministic generator. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates) that differs from the original order whenever it can, so the task is never given away. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = generator(seedFrom(seed));
  for (let attempt = 0; attempt < 20; attempt++) {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    if (items.length < 2 || copy.some((item, index) => item !== items[index])) return copy;
  }
  return [...items].reverse();
}
