// The one reporter of every command (build, check, import, dev, the studio's server): each message on its own line as
// `file:line:column: severity: message`, in the order of the file, and every summary counting them the same way.
import type { VFile } from 'vfile';
import { countOf } from './count-of.ts';

export type Message = VFile['messages'][number];
export type Severity = 'error' | 'warning' | 'note';

/** An error stops the lesson building (`fatal: true`); a warning is worth fixing (`fatal: false`); a note only informs. */
export const severityOf = (message: Message): Severity => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note');

/** Notes only inform: they are left out where only problems belong (`build --quiet`, the red box in a browser). */
export const isNote = (message: Message) => severityOf(message) === 'note';

export interface ReportOptions {
  /** `false` leaves notes out. */
  notes?: boolean;
  /** Messages said elsewhere (a template's mistake, said once for every lesson it stopped). */
  leaveOut?: (message: Message) => boolean;
}

/** A file's messages in the order of the file, messages about the whole file first. */
export const inFileOrder = (file: VFile): Message[] => [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

/** A file's messages, one line each, in the order of the file. */
export function formatMessages(file: VFile, { notes = true, leaveOut = () => false }: ReportOptions = {}): string[] {
  return inFileOrder(file)
    .filter((message) => (notes || !isNote(message)) && !leaveOut(message))
    .map((message) => `${file.path}${message.line ? `:${message.line}:${message.column ?? 1}` : ''}: ${severityOf(message)}: ${message.reason}`);
}

export interface Tally {
  errors: number;
  warnings: number;
}

export function tallyMessages(files: Iterable<VFile>, leaveOut: (message: Message) => boolean = () => false): Tally {
  const tally = { errors: 0, warnings: 0 };
  for (const file of files)
    for (const message of file.messages) {
      if (leaveOut(message)) continue;
      if (message.fatal === true) tally.errors++;
      else if (message.fatal === false) tally.warnings++;
    }
  return tally;
}

/** How every summary ends: "1 error, 2 warnings". */
export const tallyText = ({ errors, warnings }: Tally) => `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}`;
