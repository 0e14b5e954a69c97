import { describe, expect, it } from 'vitest';
import { lintLesson } from '../../src/lesson/lint-lesson.ts';
import { formatMessages } from '../../src/shared/reporter.ts';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';

function lint(text: string): string[] {
  const { lesson, file } = parseLesson(text, 'history.md', 'history');
  expect(file.messages.map(String)).toEqual([]);
  lintLesson(lesson!, file);
  return formatMessages(file);
}

const timeline = (...events: string[]) => `---\ntitle: History\n---\n\n# Timeline\n\n:::timeline\n${events.join('\n')}\n:::\n`;

describe('lintLesson: timeline dates', () => {
  it('should accept dates of any kind that name separate times, listed earliest first', () => {
    expect(
      lint(
        timeline(
          '- **c. 500 BC** — A.',
          '- **1950–1953** — B.',
          '- **1960s** — C.',
          '- **Late 1990s–early 2000s** — D.',
          '- **2014** — E.',
          '- **February 2022** — F.',
          '- **19 June 2024** — G.',
          '- **2024-06-20** — H.',
          '- **Cold War era** — I: a date Lectern cannot read is left alone.',
          '- **Present day** — J.',
        ),
      ),
    ).toEqual([]);
  });

  it('should warn when two events have the same date, naming both and what to write', () => {
    expect(
      lint(
        timeline(
          '- **Present day** — Putin visits North Korea; summits with Kim Jong Un are expected.',
          '- **Today** — North Korean state media publishes Article 4.',
        ),
      ),
    ).toEqual([
      'history.md:9:3: warning: This timeline event, "Today — North Korean state media publishes…", has the same date as "Present day — Putin visits North Korea; summits with…" (line 8), so students cannot tell which came first. Give each event its own, more exact date (e.g. "19 June 2024" and "20 June 2024"), or merge the two into one event.',
    ]);
  });

  it('should warn when one date falls within or overlaps another, so that their order is ambiguous', () => {
    expect(lint(timeline('- **1950s** — The alliance grows.', '- **1953** — The fighting stops.', '- **1960** — C.', '- **1959–1962** — D.'))).toEqual([
      'history.md:9:3: warning: This timeline event, "1953 — The fighting stops.", cannot be put in order with "1950s — The alliance grows." (line 8): "1953" falls within "1950s". Give both events dates of the same kind that do not overlap (e.g. "1950" and "1953", not "1950s" and "1953"), or merge the two into one event.',
      'history.md:11:3: warning: This timeline event, "1959–1962 — D.", cannot be put in order with "1960 — C." (line 10): "1960" falls within "1959–1962". Give both events dates of the same kind that do not overlap (e.g. "1950" and "1953", not "1950s" and "1953"), or merge the two into one event.',
    ]);
    expect(lint(timeline('- **June 2024** — A.', '- **2024** — B.'))[0]).toContain('"June 2024" falls within "2024"');
    expect(lint(timeline('- **1950–1953** — A.', '- **1952–1955** — B.'))[0]).toContain('"1952–1955" and "1950–1953" overlap');
  });

  it('should warn when an event is listed after a later one, since the key takes the list order as the true order', () => {
    expect(lint(timeline('- **1991** — The Soviet Union breaks up.', '- **2003** — The US invades Iraq.', '- **2001** — The September 11 attacks.'))).toEqual([
      'history.md:10:3: warning: This timeline event, "2001 — The September 11 attacks.", is listed after "2003 — The US invades Iraq." (line 9) but happened before it. The timeline key takes the list\'s order as the true order: move this event above that one.',
    ]);
  });

  it('should compare the events of all the timelines of a lesson, in the order of the lesson', () => {
    const text = `${timeline('- **2000** — A.')}\n---\n\n# More\n\n:::timeline\n- **1999** — B.\n:::\n`;
    expect(lint(text)).toEqual([
      'history.md:16:3: warning: This timeline event, "1999 — B.", is listed after "2000 — A." (line 8) but happened before it. The timeline key takes the list\'s order as the true order: move this event above that one.',
    ]);
  });
});
