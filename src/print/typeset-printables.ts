// Every printable of a lesson, typeset in memory: the handout, and the debate worksheet when there is a debate.
import type { Lesson } from '../lesson/model.ts';
import { typesetDebateWorksheet } from './debate-worksheet.ts';
import { typesetHandout } from './handout.ts';
import { isPrintableImage } from './printable-image.ts';

export type PrintStep = 'handout' | 'debate worksheet';

export interface Printables {
  files: [name: string, data: Uint8Array][];
  /** Printables that were not made, and why. */
  skipped: string[];
}

export async function typesetPrintables(lesson: Lesson, images: Map<string, Uint8Array>, progress: (step: PrintStep) => void = () => {}): Promise<Printables> {
  const loadImage = (assetPath: string) => {
    const data = images.get(assetPath);
    return data && isPrintableImage(data) ? Buffer.from(data) : undefined;
  };
  const files: Printables['files'] = [];
  const skipped: string[] = [];
  progress('handout');
  files.push(['handout.pdf', await typesetHandout(lesson, loadImage)]);
  progress('debate worksheet');
  const worksheet = await typesetDebateWorksheet(lesson);
  if (worksheet) files.push(['debate-worksheet.pdf', worksheet]);
  else skipped.push('No debate worksheet was made: this lesson has no :::debate block.');
  return { files, skipped };
}
