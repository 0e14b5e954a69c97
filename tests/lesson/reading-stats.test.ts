// The reading statistics `lectern check` and the studio give: words counted in languages written without spaces, and the
// Flesch–Kincaid grade (an English formula) only for English.
import { describe, expect, it } from 'vitest';
import { readingStats } from '../../src/lesson/reading-stats.ts';

describe('reading statistics', () => {
  it('should count the words of an English text and give its reading grade', () => {
    const stats = readingStats(['The sun warms the sea. Water rises and falls again as rain.']);
    expect(stats.words).toBe(12);
    expect(stats.grade).toBeTypeOf('number');
  });

  it('should count Japanese and Chinese words, which are written without spaces', () => {
    expect(readingStats(['水は海と空と陸のあいだを動き続けています。'], 'ja').words).toBeGreaterThan(8);
    expect(readingStats(['水在海洋、天空和陆地之间不停地流动。'], 'zh-Hans').words).toBeGreaterThan(6);
  });

  it('should give no reading grade for a text in another language than English', () => {
    const stats = readingStats(["L'eau circule entre la mer, le ciel et la terre."], 'fr');
    expect(stats).toEqual({ words: 10, readingMinutes: 1 });
  });
});
