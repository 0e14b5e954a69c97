// Show a build's progress: one updating line on a terminal, plain lines otherwise; --quiet and --verbose.
import type { BuildEvent } from '../build/build-lessons.ts';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export function progressReporter(stream: NodeJS.WriteStream, verbosity: Verbosity): (event: BuildEvent) => void {
  const live = stream.isTTY === true && verbosity === 'normal';
  let position = '';
  const clear = () => live && stream.write('\r\x1b[2K');
  return (event) => {
    if (event.type === 'lesson') position = `[${event.index + 1}/${event.total}] ${event.source}`;
    if (event.type === 'step') {
      if (live) stream.write(`\r\x1b[2K${position}: ${event.step}…`);
      else if (verbosity === 'verbose') stream.write(`${position}: ${event.step}\n`);
    }
    if (event.type === 'done') clear();
  };
}
