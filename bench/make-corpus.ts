// A deterministic corpus of realistic lessons for the benchmark: about 25 slides each, with tables, notes, terms,
// a timeline, questions and a debate.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TOPICS = ['rivers', 'volcanoes', 'the Silk Road', 'photosynthesis', 'the printing press', 'tides', 'democracy', 'fractions', 'migration', 'climate'];

function lesson(index: number): string {
  const topic = TOPICS[index % TOPICS.length];
  const title = `Lesson ${index + 1}: ${topic.charAt(0).toUpperCase()}${topic.slice(1)}`;
  const slides: string[] = [];
  for (let slide = 1; slide <= 19; slide++) {
    slides.push(`## Part ${slide}: a closer look at ${topic}

Scientists and historians have studied ${topic} for a long time. In part ${slide} we look at one idea, why it matters and what evidence supports it.

- The first point about ${topic} explains the basic idea in simple words.
- The second point gives an example that students can picture.
- The third point connects ${topic} to daily life in ${1900 + slide * 5}.

Note: Ask the class what they remember about part ${slide - 1 || 1}, then read the bullets together and ask for one more example.`);
  }
  slides.splice(
    4,
    0,
    `## Comparing facts

| Fact | Value | Source |
| --- | --- | --- |
| First record | ${1500 + index} | Archive |
| Known cases | ${index * 7 + 3} | Survey |
| Change since 1990 | ${index % 9}% | Report |

Note: Ask which number surprises the class most.`,
  );
  slides.push(`## Key terms

:::terms
- **Evidence** — Facts that show something is true. _Example:_ The evidence about ${topic} came from many studies.
- **Cause** — What makes something happen. _Example:_ One cause of change in ${topic} is the weather.
- **Effect** — What happens because of a cause. _Example:_ The effect was felt for years.
:::

Note: Read each term aloud.`);
  slides.push(`## Timeline

:::timeline
- **1850** — The first study of ${topic} is published.
- **1920** — New tools make measurements more accurate.
- **1990** — Scientists share data across the world.
- **2020** — Students collect their own data.
:::

Note: Ask which date changed the most.`);
  slides.push(`## Questions

:::questions
1. Why does ${topic} matter today?
   _Answer:_ Because it affects how people live and work.
2. What evidence did we see?
   _Answer:_ The table and the timeline.
:::

Note: Give pairs two minutes per question.`);
  slides.push(`## Debate

:::debate
**Motion:** This class believes ${topic} deserves more time in school.

### For
- **It explains the world** — Students understand the news better. _Evidence:_ The timeline shows its long history.

### Against
- **Time is short** — Other subjects need time too. _Evidence:_ The table shows only a few known cases.
:::

Note: Split the class into two teams.`);
  slides.push(`## Roles

:::roles
### A scientist
**Aim:** Explain the evidence.
- The data is clear.

### A journalist
**Aim:** Ask hard questions.
- Who paid for the study?
:::

Note: Hand out the role cards.`);
  slides.push(`## Activity

:::activity[Research in pairs]{minutes=20 grouping="Pairs"}
Find one new fact about ${topic}.

1. Read the handout.
2. Write one question.
3. Share it with the class.
:::

Note: Walk around while pairs work.`);
  return `---
title: "${title}"
subject: Science
grade: 8
duration: 60
date: 2025-01-${String((index % 28) + 1).padStart(2, '0')}
objectives:
  - Explain the main ideas about ${topic}.
  - Use evidence in a short debate.
sources:
  - title: Class notes on ${topic}
---

${slides.join('\n\n---\n\n')}
`;
}

export async function makeCorpus(folder: string, count = 100): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = path.join(folder, `lesson-${String(index + 1).padStart(3, '0')}.md`);
    await writeFile(file, lesson(index));
    files.push(file);
  }
  return files;
}
