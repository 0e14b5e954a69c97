// Read a plain-text article line by line: headings, paragraphs, glossary lines and classroom activities.

export type ArticleLine =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'term'; term: string; definition: string; example?: string; line: number }
  | { kind: 'activity'; text: string; line: number };

/** Verbs that, opening a paragraph, can only be an instruction ("Create a poster…"). */
const CLEAR_IMPERATIVES = [
  'analyse',
  'analyze',
  'choose',
  'collect',
  'compare',
  'conduct',
  'create',
  'describe',
  'develop',
  'discuss',
  'engage',
  'explain',
  'explore',
  'identify',
  'imagine',
  'investigate',
  'participate',
  'prepare',
  'write',
];

/** Verbs that start a classroom task ("Create a timeline…", "Engage in a debate…"). */
const IMPERATIVES = [
  'analyse',
  'analyze',
  'build',
  'choose',
  'collect',
  'compare',
  'conduct',
  'create',
  'debate',
  'design',
  'develop',
  'discuss',
  'draw',
  'engage',
  'explore',
  'form',
  'identify',
  'imagine',
  'interview',
  'investigate',
  'list',
  'make',
  'map',
  'participate',
  'plan',
  'prepare',
  'present',
  'read',
  'research',
  'role-play',
  'take',
  'use',
  'watch',
  'work',
  'write',
];

const GLOSSARY = /^(.{1,60}?)\s+[–—]\s+(.+?)\s+[–—]\s+(.+)$/;
/** `Term - definition. - example.` with plain hyphens: only trusted in a run of such lines. */
const HYPHEN_GLOSSARY = /^(.{1,60}?)\s+-\s+(.+?)\s+-\s+(.+)$/;
/** `Term: definition.` under a heading such as "Glossary" or "Key terms". */
const COLON_TERM = /^([^:.!?]{1,60}):\s+(.+)$/;
const GLOSSARY_HEADING = /^(glossary|key (terms|words|vocabulary)|vocabulary|word bank)\b/i;
const CLOSING_PUNCTUATION = /[.!?;,:"”’)]$/;

export function classifyLines(text: string): ArticleLine[] {
  const lines: ArticleLine[] = [];
  // List markers at the start of a line ("- ", "1. ") are the article's own formatting, not part of its text.
  const raw = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/^(?:[-*•]|\d{1,2}[.)])\s+(?=\S)/, ''),
    );
  const hyphenTerm = (index: number) => HYPHEN_GLOSSARY.test(raw[index] ?? '') && !GLOSSARY.test(raw[index] ?? '');
  let inGlossary = false;
  raw.forEach((trimmed, index) => {
    const line = index + 1;
    if (trimmed === '') return;
    const bold = /^\*\*(.+)\*\*$/.exec(trimmed);
    const glossary = GLOSSARY.exec(trimmed) ?? (hyphenTerm(index) && (hyphenTerm(index - 1) || hyphenTerm(index + 1)) ? HYPHEN_GLOSSARY.exec(trimmed) : null);
    const colonTerm = inGlossary ? COLON_TERM.exec(trimmed) : null;
    if (glossary && !/[.!?]$/.test(glossary[1])) {
      const [, term, definition, example] = glossary;
      lines.push({ kind: 'term', term: term.trim(), definition: sentence(definition), example: sentence(example), line });
    } else if (colonTerm) {
      const [definition, ...examples] = sentencesOf(colonTerm[2]);
      lines.push({
        kind: 'term',
        term: colonTerm[1].trim(),
        definition: sentence(definition),
        ...(examples.length > 0 ? { example: examples.join(' ') } : {}),
        line,
      });
    } else if (bold || isHeading(trimmed)) {
      const heading = bold ? bold[1].trim() : trimmed;
      inGlossary = GLOSSARY_HEADING.test(heading);
      if (!inGlossary) lines.push({ kind: 'heading', text: heading, line });
    } else if (isActivity(trimmed)) lines.push({ kind: 'activity', text: trimmed, line });
    else lines.push({ kind: 'paragraph', text: trimmed, line });
  });
  return lines;
}

function isHeading(text: string): boolean {
  const words = text.split(' ').length;
  return words <= 14 && text.length <= 100 && !CLOSING_PUNCTUATION.test(text) && /^[\p{Lu}\p{N}“"‘]/u.test(text);
}

function isActivity(text: string): boolean {
  // "In a workshop setting, analyze…" — a short opening phrase may come before the verb.
  const opening = /^(?:in|as|with|for|using|working)\b[^,]{0,40},\s*/i.exec(text);
  const firstWord = text
    .slice(opening ? opening[0].length : 0)
    .split(/\s/)[0]
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
  // An imperative alone could open an ordinary sentence ("Research shows…"): it also needs a classroom cue.
  if (CLEAR_IMPERATIVES.includes(firstWord)) return true;
  return IMPERATIVES.includes(firstWord) && (opening !== null || /\b(you|your|class|classmates|group|groups|pairs|students)\b/i.test(text));
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s*[–—]\s*$/, '');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Split a paragraph into sentences, keeping abbreviations such as "U.S." and "3 a.m." inside their sentence. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?][”"’)]?)\s+(?=[\p{Lu}“"‘(])/u)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .reduce<string[]>((sentences, part) => {
      const previous = sentences.at(-1);
      // "U.S. President" splits wrongly: a previous part ending in a short abbreviation joins the next one.
      if (previous && /(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|No)\.$/.test(previous)) sentences[sentences.length - 1] = `${previous} ${part}`;
      else sentences.push(part);
      return sentences;
    }, []);
}
