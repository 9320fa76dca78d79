import { fold } from '../verification/normalize.js';

/** Diacritics stripped, case kept: for names and words that must be written capitalised to count. */
export const unaccent = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '');

/** Folded text with typographic apostrophes and quotes made plain, so patterns need one spelling. */
export const plain = (s: string): string =>
  fold(s)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ');

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches `word` as a whole word (letters and digits are word characters, in any script). */
/**
 * Compiled whole-word patterns, shared: the same on-file words are looked for in every message. Only
 * patterns without g/y are shared (those keep no state between uses). Bounded.
 */
const WORD_RES = new Map<string, RegExp>();
export function wordRe(word: string, flags = 'u'): RegExp {
  if (/[gy]/.test(flags)) return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])`, flags);
  const key = `${flags}:${word}`;
  let re = WORD_RES.get(key);
  if (!re) {
    if (WORD_RES.size >= 8192) WORD_RES.clear();
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])`, flags);
    WORD_RES.set(key, re);
  }
  return re;
}

/** Sentences; one ends at . ! ? or a line break. A dot inside a token ("4.99", "x.com") is no end. */
export function sentences(text: string): { text: string; question: boolean }[] {
  const out: { text: string; question: boolean }[] = [];
  // "ul. Długa", "St. Mary's Rd", "Co. Dublin": an abbreviation's dot ends no sentence.
  for (const m of text.matchAll(
    /[^.!?\n]+(?:(?:[.?!](?=[^\s.!?])|(?<=(?<![\p{L}])(?:ul|al|pl|os|st|av|ave|co|mr|mrs|ms|dr|nr|apt|str|vs|sr|jr|blk|rd))\.\s+)[^.!?\n]*)*[.!?]*/giu,
  )) {
    const t = m[0].trim();
    if (t) out.push({ text: t, question: /\?/.test(t) });
  }
  return out;
}

/** Clauses of a sentence: commas, semicolons, dashes and "but" separate claims an agent may combine. */
export const clauses = (sentence: string): string[] =>
  sentence
    .split(/[,;:]|\s-\s|\bbut\b|\bthough\b|\bhowever\b/)
    .map((c) => c.trim())
    .filter(Boolean);

export interface DigitRun {
  digits: string;
  start: number;
  end: number;
}

/**
 * Runs of digits as a reader groups them: "(503) 555-0117" and "4050-262" are one run each;
 * letters break runs, so "W123456789" is one run and "1Z999AA1" two.
 */
export function digitRuns(text: string): DigitRun[] {
  const out: DigitRun[] = [];
  for (const m of text.matchAll(/\+?\(?\d(?:[\d]|[ .\-/()](?=\(?\d)|\) ?(?=\d))*/g)) {
    out.push({ digits: m[0].replace(/\D/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Replaces spans with spaces, keeping offsets, so allowed text (business contacts) matches nothing. */
export function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** Offsets of every case-insensitive occurrence of `needle` (plain-folded) in `text`. */
export function occurrences(text: string, needle: string): { start: number; end: number }[] {
  if (!needle) return [];
  const out: { start: number; end: number }[] = [];
  const hay = text.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) out.push({ start: i, end: i + n.length });
  return out;
}
