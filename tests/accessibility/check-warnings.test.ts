// `lectern check` reports what students who use a screen reader would miss, each at its line with the fix.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';

const LESSON = `---
title: Rivers
---

# Where rivers go

#### Too deep at once

| | |
| --- | --- |
| Nile | Mediterranean |

Read more at [https://example.org/rivers](https://example.org/rivers), or in [the atlas](https://example.org/atlas).

---

## A fine slide

### A fine sub-heading
`;

describe('accessibility warnings', () => {
  it('should warn about a skipped heading level, a table without headers and a bare address as link text, each at its place', () => {
    const { file, lesson } = parseLesson(LESSON, 'rivers.md', 'rivers');
    expect(lesson).toBeDefined();
    const found = file.messages
      .filter((message) => ['heading-level', 'table-header', 'link-text'].includes(message.ruleId ?? ''))
      .map((message) => `${message.line}:${message.column} ${message.ruleId}`)
      .sort();
    expect(found).toEqual(['13:14 link-text', '7:1 heading-level', '9:1 table-header']);
    expect(file.messages.find((message) => message.ruleId === 'heading-level')?.reason).toContain('Use ## for it');
  });
});
