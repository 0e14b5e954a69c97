// The size a slide is printed at in its slides handout box: the largest that fits, found in few drawings.
import { describe, expect, it } from 'vitest';
import { largestFittingSize } from '../../src/print/typeset/slide-box.ts';

/** The sizes the slides handout tries for 11.5 pt text: 11.5, 11, … 7. */
const SIZES = Array.from({ length: 10 }, (_, index) => 11.5 - index * 0.5);
const ROOM = 200;

/** What a teacher would get by trying every size from the largest down. */
function byTrying(heightAt: (size: number) => number): number | undefined {
  return SIZES.find((size) => heightAt(size) <= ROOM);
}

/** How many drawings halving takes: the smallest size first (does the slide fit one box at all?), then halves. */
function byHalving(heightAt: (size: number) => number): number {
  let drawings = 1;
  if (heightAt(SIZES.at(-1)!) > ROOM) return drawings;
  let low = 0;
  let high = SIZES.length - 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    drawings++;
    if (heightAt(SIZES[middle]) <= ROOM) high = middle;
    else low = middle + 1;
  }
  return drawings;
}

function counted(heightAt: (size: number) => number) {
  let drawings = 0;
  const size = largestFittingSize(SIZES, ROOM, (candidate) => {
    drawings++;
    return heightAt(candidate);
  });
  return { size, drawings };
}

// Heights as slides have them: text that wraps (about size^2), short lines (about size), a picture that does not
// shrink plus text, and the line steps of real wrapping.
const shapes: [string, (scale: number) => (size: number) => number][] = [
  ['wrapping text', (scale) => (size) => scale * size * size],
  ['short lines', (scale) => (size) => scale * 10 * size],
  ['a picture and text', (scale) => (size) => 120 + scale * size * size * 0.4],
  ['whole lines', (scale) => (size) => Math.ceil((scale * size) / 2) * size * 1.45],
];

describe('the size of a slide in its slides handout box', () => {
  for (const [name, shape] of shapes) {
    it(`should be the largest size that fits, for ${name} of every length`, () => {
      for (let scale = 0.2; scale <= 6; scale += 0.05) {
        const heightAt = shape(scale);
        const { size, drawings } = counted(heightAt);
        expect(size, `${name} at scale ${scale.toFixed(2)}`).toBe(byTrying(heightAt));
        // Never more drawings than halving the sizes (after trying the smallest) would take.
        expect(drawings).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(SIZES.length)) + 1);
      }
    });
  }

  it('should draw a slide that fits at the largest size once, and others fewer times than halving the sizes would', () => {
    expect(counted(() => ROOM).drawings).toBe(1);
    for (const [name, shape] of shapes) {
      let ours = 0;
      let halving = 0;
      for (let scale = 0.2; scale <= 6; scale += 0.05) {
        ours += counted(shape(scale)).drawings;
        halving += byHalving(shape(scale));
      }
      expect(ours, name).toBeLessThan(halving);
    }
  });

  it('should say when even the smallest size does not fit, so the slide goes on in a second box', () => {
    expect(counted(() => ROOM + 1).size).toBeUndefined();
    expect(counted((size) => 100 * size).size).toBeUndefined();
  });
});
