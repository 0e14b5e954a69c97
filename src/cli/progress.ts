// Show a build's progress: one updating line on a terminal, plain lines otherwise; --quiet and --verbose.
import type { BuildEvent } from '../node/build-context.ts';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export function progressReporter(stream: NodeJS.WriteStream, verbosity: Verbosity): (event: BuildEvent) => void {
  const live = stream.isTTY === true && verbosity === 'normal';
  // Several lessons are built at once: each step names its own lesson.
  const positions = new Map<string, string>();
  const clear = () => live && stream.write('\r\x1b[2K');
  return (event) => {
    if (event.type === 'lesson') positions.set(event.source, `[${event.index + 1}/${event.total}] ${event.source}`);
    if (event.type === 'step') {
      const position = positions.get(event.source) ?? event.source;
      if (live) stream.write(`\r\x1b[2K${position}: ${event.step}…`);
      else if (verbosity === 'verbose') stream.write(`${position}: ${event.step}\n`);
    }
    if (event.type === 'done') clear();
  };
}
