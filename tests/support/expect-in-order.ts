// Check that parts of a text appear in the given order (sections of a printed page, say).
import { expect } from 'vitest';

export function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" should follow what came before it`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}
