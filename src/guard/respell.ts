import { own } from '../core/lookup.js';

/**
 * Agents can read data out in words ("five-oh-three", "zero one one seven") or letter by letter
 * ("B-I-R-C-H", "F A S T M A I L"), which no digit or word match sees. `respell` rewrites those
 * spellings into the digits and words they stand for, so the disclosure rules can run on it too.
 */

const UNITS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  nil: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const TEENS: Readonly<Record<string, string>> = {
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
};
const TENS: Readonly<Record<string, string>> = {
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
};
const REPEAT: Readonly<Record<string, number>> = { double: 2, triple: 3 };

/** "oh" and "o" are digits only next to other digit words ("five-oh-three"), never alone. */
const WEAK_ZERO = new Set(['oh', 'o']);

/** One spoken number token -> its digits, or undefined. "sixty-four" arrives as "sixty", "four". */
function tokenDigits(tok: string): string | undefined {
  return own(UNITS, tok) ?? own(TEENS, tok);
}

/**
 * Runs of at least two number words (or one tens word) become digit strings. A lone "one" or "five"
 * is ordinary English ("that one", "five days"), so it is left alone.
 */
function respellNumbers(text: string): string {
  const re = /[A-Za-z]+/g;
  const toks: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(re))
    toks.push({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  const out: { start: number; end: number; digits: string }[] = [];
  let i = 0;
  while (i < toks.length) {
    let j = i;
    let digits = '';
    let words = 0;
    let strong = 0;
    while (j < toks.length) {
      const t = toks[j]!;
      if (j > i && !/^[\s,-]*$/.test(text.slice(toks[j - 1]!.end, t.start))) break;
      const rep = own(REPEAT, t.w);
      const next = toks[j + 1];
      if (rep !== undefined && next && /^[\s-]*$/.test(text.slice(t.end, next.start))) {
        const d = tokenDigits(next.w);
        if (d === undefined || d.length !== 1) break;
        digits += d.repeat(rep);
        words += 2;
        strong++;
        j += 2;
        continue;
      }
      const tens = own(TENS, t.w);
      if (tens !== undefined) {
        const unit = next && /^[\s-]*$/.test(text.slice(t.end, next.start)) ? own(UNITS, next.w) : undefined;
        if (unit !== undefined && !WEAK_ZERO.has(next!.w) && unit !== '0') {
          digits += tens + unit;
          j += 2;
        } else {
          digits += `${tens}0`;
          j++;
        }
        words += 2;
        strong++;
        continue;
      }
      const d = tokenDigits(t.w);
      if (d === undefined || (WEAK_ZERO.has(t.w) && text[t.end] === "'")) break;
      digits += d;
      words++;
      if (!WEAK_ZERO.has(t.w)) strong++;
      j++;
    }
    if (words >= 2 && strong >= 1 && j > i) {
      out.push({ start: toks[i]!.start, end: toks[j - 1]!.end, digits });
      i = j;
    } else i++;
  }
  let s = text;
  for (const r of out.reverse()) s = s.slice(0, r.start) + r.digits + s.slice(r.end);
  return s;
}

/**
 * Three or more single letters (or digits) separated by spaces, hyphens or dots become one word:
 * "B-I-R-C-H-M-O-U-N-T" -> "BIRCHMOUNT". Two letters ("a b") are too common to join.
 */
function respellLetters(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])\p{L}(?:[ .\-–]{1,2}\p{L}(?![\p{L}\p{N}])){2,}/gu, (m) =>
    m.replace(/[ .\-–]/g, ''),
  );
}

/** "h-dot-vance", "jane dot doe": spoken separators as the characters they stand for. */
function respellSeparators(text: string): string {
  return text
    .replace(/[\s-]+(?:dot|period|point)[\s-]+/gi, '.')
    .replace(/[\s-]+underscore[\s-]+/gi, '_')
    .replace(/\s+at\s+(?=[\p{L}\p{N}-]+\.[a-z]{2,}\b)/giu, '@');
}

/**
 * "ends with a seven", "the last digit is nine": one number word is a digit when it is said to end or
 * start a value, though a lone "seven" elsewhere is ordinary English.
 */
const LONE_DIGIT =
  /\b((?:ends?|ending|finish(?:es|ing)?|starts?|starting|begins?|beginning)(?:\s+(?:in|with|on))?(?:\s+an?)?|(?:last|first|final) (?:digit|number)(?:\s+(?:is|was))?)\s+(zero|one|two|three|four|five|six|seven|eight|nine)\b/gi;

function respellLoneDigits(text: string): string {
  return text.replace(
    LONE_DIGIT,
    (_m, lead: string, word: string) => `${lead} ${own(UNITS, word.toLowerCase())}`,
  );
}

/** The agent text with spelled-out digits, letters and separators written as they are meant. */
export function respell(text: string): string {
  return respellSeparators(respellLetters(respellLoneDigits(respellNumbers(text))));
}
