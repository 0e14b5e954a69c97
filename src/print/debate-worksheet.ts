// The debate worksheet: motion, side choice, preparation table, rebuttal plan, closing lines, timing plan, peer rubric.
import { blocksOf, type DebateStage, type Lesson } from '../lesson/model.ts';
import {
  BODY_SIZE,
  MUTED,
  bodyText,
  checkbox,
  ensureSpace,
  framedText,
  heading,
  left,
  nameClassDate,
  table,
  tableStartHeight,
  writingLines,
  type Column,
} from './layout.ts';
import { createPdf, finishPdf } from './pdf-document.ts';

/** Used when a debate has no `### Timing` section: a common classroom format. */
export const DEFAULT_TIMING: DebateStage[] = [
  { stage: 'Preparation in teams', minutes: 10 },
  { stage: 'Opening statements (each side)', minutes: 4 },
  { stage: 'Rebuttals (each side)', minutes: 3 },
  { stage: 'Open floor', minutes: 5 },
  { stage: 'Closing statements (each side)', minutes: 2 },
];

export const RUBRIC = [
  ['Clear claims', 'Each argument states one clear point.'],
  ['Evidence', 'Facts from the reading support the claims.'],
  ['Reasoning', 'The team explains how the evidence proves the claim.'],
  ['Rebuttal', 'The team answers the other side fairly and directly.'],
  ['Delivery and teamwork', 'Speakers are clear, respectful and share the time.'],
];

export function typesetDebateWorksheet(lesson: Lesson): Promise<Buffer> | undefined {
  const [debate] = blocksOf(lesson, 'debate');
  if (!debate) return undefined;
  const doc = createPdf(lesson.meta, 'Debate worksheet');
  nameClassDate(doc, lesson.meta.school);
  heading(doc, 'Debate worksheet', 1);
  bodyText(doc, lesson.meta.title, { size: 14, color: MUTED });
  doc.y += 10;

  heading(doc, 'The motion', 2);
  framedText(doc, debate.motion);
  bodyText(doc, 'My team argues:', { font: 'bold' });
  doc.y += 4;
  const y = doc.y;
  const next = checkbox(doc, 'For the motion', left(doc) + 4, y);
  checkbox(doc, 'Against the motion', next + 36, y);
  doc.x = left(doc);
  doc.y = y + 26;

  heading(doc, 'Prepare your arguments', 2, 120);
  bodyText(doc, 'For each claim, find evidence in the reading and explain how it supports the claim. Add your own claims in the empty rows.', {
    size: BODY_SIZE - 0.5,
  });
  doc.y += 6;
  const claims = [
    ...debate.for.map((argument) => `For: ${argument.claim}`),
    ...debate.against.map((argument) => `Against: ${argument.claim}`),
    'Our own claim:',
    'Our own claim:',
  ];
  table(
    doc,
    [
      { header: 'Claim', share: 1.1, bold: true },
      { header: 'Evidence', share: 1.4 },
      { header: 'Reasoning', share: 1.4 },
    ],
    claims.map((claim) => [claim, '', '']),
    { minRowHeight: 62 },
  );

  heading(doc, 'Plan your rebuttals', 2, 120);
  table(
    doc,
    [
      { header: 'The other side might say…', share: 1 },
      { header: 'We will answer…', share: 1.3 },
    ],
    [
      ['', ''],
      ['', ''],
      ['', ''],
    ],
    { minRowHeight: 58 },
  );

  heading(doc, 'Closing statement', 2, 90);
  bodyText(doc, 'In two or three sentences: why should the audience agree with your side?', { size: BODY_SIZE - 0.5 });
  writingLines(doc, 5);

  const timing = debate.timing.length > 0 ? debate.timing : DEFAULT_TIMING;
  const total = timing.reduce((sum, stage) => sum + stage.minutes, 0);
  const timingColumns: Column[] = [
    { header: 'Stage', share: 3 },
    { header: 'Minutes', share: 1 },
  ];
  const timingRows = [...timing.map((stage) => [stage.stage, String(stage.minutes)]), ['Total', String(total)]];
  heading(doc, 'Timing plan', 2, tableStartHeight(doc, timingColumns, timingRows));
  table(doc, timingColumns, timingRows);

  heading(doc, 'Peer-judging rubric', 2, 160);
  bodyText(doc, 'Score each team from 1 (not yet) to 4 (excellent) and give one reason.', { size: BODY_SIZE - 0.5 });
  doc.y += 6;
  table(
    doc,
    [
      { header: 'Criterion', share: 2.3, bold: true },
      { header: 'For (1–4)', share: 0.95 },
      { header: 'Against (1–4)', share: 1.25 },
      { header: 'One reason', share: 1.9 },
    ],
    [...RUBRIC.map(([criterion, description]) => [`${criterion}\n${description}`, '', '', '']), ['Total (out of 20)', '', '', '']],
    { minRowHeight: 40 },
  );
  ensureSpace(doc, 30);
  return finishPdf(doc, `${lesson.meta.title} — Debate worksheet`);
}
