/**
 * Digit sequences typed as words ("two oh six five five five…", "null eins fünf…", mixed "555 one two"),
 * in English, German, Spanish and French. Returns runs with their digit string and offsets.
 */
const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  null: '0',
  eins: '1',
  zwei: '2',
  zwo: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  fuenf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  cero: '0',
  uno: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
  zéro: '0',
  un: '1',
  deux: '2',
  trois: '3',
  quatre: '4',
  cinq: '5',
  sept: '7',
  huit: '8',
  neuf: '9',
};
const REPEAT: Readonly<Record<string, number>> = { double: 2, triple: 3, doppel: 2, doble: 2 };

const words = [...Object.keys(DIGIT_WORDS), ...Object.keys(REPEAT)].sort((a, b) => b.length - a.length);
const TOKEN = new RegExp(
  `(?<![a-z0-9\\u00c0-\\u024f])(?:(${words.join('|')})|(\\d{1,4}))(?![a-z0-9\\u00c0-\\u024f])`,
  'gu',
);
/** What may sit between two tokens of one run: spaces, commas, dashes, dots. */
const GAP = /^[\s,.\-–]{1,3}$/;

export interface SpelledRun {
  start: number;
  end: number;
  digits: string;
  /** How many tokens were words (not numerals); a run with none is plain digits, not ours. */
  wordTokens: number;
}

/** Cheap test first: most messages contain no digit word at all. */
const QUICK =
  /(?<![\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|zero|oh|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|null|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|cero|deux|trois|quatre|cinq|sept|huit|neuf|zéro)(?![\p{L}])/u;

/** Phone and code recognizers both ask about the same message; the last answer is reused. */
let cache: { lower: string; runs: SpelledRun[] } | undefined;

export function findSpelledRuns(lower: string, minDigits: number): SpelledRun[] {
  if (cache?.lower !== lower) cache = { lower, runs: scan(lower) };
  return cache.runs.filter((r) => r.digits.length >= minDigits);
}

/**
 * The spelled run that starts at `pos` (after a cue and its filler words), with at least `minDigits`
 * digits and `minWords` digit words: "account number is three one nine two …".
 */
export function spelledRunAt(
  lower: string,
  pos: number,
  minDigits: number,
  minWords = 3,
): SpelledRun | undefined {
  return findSpelledRuns(lower, minDigits).find((r) => r.start === pos && r.wordTokens >= minWords);
}

function scan(lower: string): SpelledRun[] {
  const minDigits = 1;
  if (!QUICK.test(lower)) return [];
  const runs: SpelledRun[] = [];
  let cur: SpelledRun | null = null;
  let repeat = 1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    const word = m[1];
    if (cur && !GAP.test(lower.slice(cur.end, m.index))) {
      if (cur.digits.length >= minDigits && cur.wordTokens > 0) runs.push(cur);
      cur = null;
      repeat = 1;
    }
    if (word !== undefined && REPEAT[word] !== undefined) {
      repeat = REPEAT[word]!;
      if (!cur) cur = { start: m.index, end: m.index + m[0].length, digits: '', wordTokens: 0 };
      else cur.end = m.index + m[0].length;
      continue;
    }
    const digits = word !== undefined ? DIGIT_WORDS[word]!.repeat(repeat) : m[2]!;
    repeat = 1;
    if (!cur) cur = { start: m.index, end: m.index, digits: '', wordTokens: 0 };
    cur.end = m.index + m[0].length;
    cur.digits += digits;
    if (word !== undefined) cur.wordTokens++;
  }
  if (cur && cur.digits.length >= minDigits && cur.wordTokens > 0) runs.push(cur);
  return runs;
}
