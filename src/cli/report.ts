// Format a lesson's messages as `file:line:column: severity: message` lines.
import type { VFile } from 'vfile';

export function formatMessages(file: VFile): string[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
      return `${file.path}${place}: ${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'}: ${message.reason}`;
    });
}
