// Math in lessons: `$…$` inline and `$$…$$` display, read by Pandoc's rule so prices written with dollar signs stay text.
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { math } from 'micromark-extension-math';

const DOLLAR = 36;
const BACKSLASH = 92;
const isSpace = (code: Code) => code === null || code < 0 || code === 32 || code === 9;
const isDigit = (code: Code) => code !== null && code >= 48 && code <= 57;

/**
 * Inline math by Pandoc's rule: the opening `$` has a non-space character right after it; the closing `$` has a
 * non-space character right before it and no digit right after it. Anything else is an ordinary dollar sign, so "it
 * cost $5 and later $10" stays text. `$$…$$` inside a line is math too. A backslash keeps the next character inside the
 * formula (`\$` does not close it); outside math, `\$` is a dollar sign as in all Markdown.
 */
const pandocMathText: Construct = {
  name: 'mathText',
  previous: (code) => code !== DOLLAR && code !== BACKSLASH,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let sizeOpen = 0;
    let sizeClose = 0;
    let previous: Code = null;
    let closing: ReturnType<Effects['enter']> | undefined;

    const start: State = (code) => {
      effects.enter('mathText');
      effects.enter('mathTextSequence');
      return sequenceOpen(code);
    };
    const sequenceOpen: State = (code) => {
      if (code === DOLLAR && sizeOpen < 2) {
        effects.consume(code);
        sizeOpen++;
        return sequenceOpen;
      }
      if (code === DOLLAR || (sizeOpen === 1 && isSpace(code))) return nok(code);
      effects.exit('mathTextSequence');
      return between(code);
    };
    const between: State = (code) => {
      if (code === null) return nok(code);
      if (code < 0) {
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        previous = 32;
        return between;
      }
      if (code === DOLLAR && (sizeOpen === 2 || !isSpace(previous))) {
        closing = effects.enter('mathTextSequence');
        sizeClose = 0;
        return sequenceClose(code);
      }
      effects.enter('mathTextData');
      return data(code);
    };
    const data: State = (code) => {
      if (code === null || code < 0 || (code === DOLLAR && (sizeOpen === 2 || !isSpace(previous)))) {
        effects.exit('mathTextData');
        return between(code);
      }
      previous = code;
      effects.consume(code);
      return code === BACKSLASH ? escaped : data;
    };
    const escaped: State = (code) => {
      if (code === null || code < 0) return data(code);
      previous = code;
      effects.consume(code);
      return data;
    };
    const sequenceClose: State = (code) => {
      if (code === DOLLAR && sizeClose < sizeOpen) {
        effects.consume(code);
        sizeClose++;
        return sequenceClose;
      }
      if (sizeClose === sizeOpen && !(sizeOpen === 1 && isDigit(code))) {
        effects.exit('mathTextSequence');
        effects.exit('mathText');
        return ok(code);
      }
      // Not a closing dollar after all (`$x$5`, or one `$` inside `$$…$$`): it is part of the formula.
      closing!.type = 'mathTextData';
      effects.exit('mathTextData');
      previous = DOLLAR;
      return between(code);
    };
    return start;
  },
};

/** The micromark extension: `$$` fenced blocks (as in remark-math) and inline math by Pandoc's rule. */
export function lessonMath(): Extension {
  return { flow: math().flow, text: { [DOLLAR]: pandocMathText } };
}
