// Lectern's words in one language as a labels file (`name: text` lines): what `lectern labels fr` prints, to copy into
// `labels/<tag>.yaml` in a templates folder and change, or to translate into a language Lectern lacks.
import { stringify } from 'yaml';
import { ENGLISH, LABEL_NAMES } from './english.ts';
import { lessonLabels } from './lesson-labels.ts';

export function labelsFile(lang: string): string {
  const { labels } = lessonLabels(lang);
  const known = labels.lang !== 'en' || lang.toLowerCase().startsWith('en');
  const header = [
    `# Lectern's words${known ? ` in ${lang}` : ` (Lectern has none in ${lang} yet: these are English, to translate)`}.`,
    '# Keep the names on the left; change the text on the right. {count}, {title} and the like are filled in; a text with',
    "# forms by number (one, few, many, other...) follows the language's plural rules. Save as labels/<language>.yaml in",
    "# your templates folder, or copy single lines under `labels:` in lectern.config.yaml or a lesson's front matter.",
  ];
  const texts = Object.fromEntries(LABEL_NAMES.map((name) => [name, labels.texts[name] ?? ENGLISH[name]]));
  return `${header.join('\n')}\n${stringify(texts, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'block' })}`;
}
