// A language's text for every one of Lectern's words (english.ts names them).
import type { LabelName } from './english.ts';
import type { LabelText } from './label-text.ts';

export type Translation = Record<LabelName, LabelText>;
