import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { DATE_RE, SHORT_DATE_RE, SPOKEN_DATE_RE, YEAR_RE } from './support/dates.js';
import { makeFinding, wordsRe } from './support/words.js';

const ID = 'date-of-birth';

const BIRTH = wordsRe([
  'born',
  // genealogical "b. 12 May 1961"
  'b\\.',
  'birth',
  'birthday',
  'birthdate',
  'birth\\s+date',
  'date\\s+of\\s+birth',
  'dob',
  'd\\.o\\.b\\.?',
  'b-?day',
  'geboren',
  'geb\\.',
  'geburtsdatum',
  'geburtstag',
  'geb\\.-datum',
  'fecha\\s+de\\s+nacimiento',
  'nacimiento',
  'nac\\.',
  'nacid[oa]',
  'nac[íi]',
  'naci[óo]',
  'cumpleaños',
  'cumple',
  'née?',
  'nee',
  'naissance',
  // abbreviated on forms: "date de naiss. …", "naiss. …"
  'naiss\\.',
  'date\\s+de\\s+naissance',
  'anniversaire',
  'age\\s+verification',
  'data\\s+de\\s+nascimento',
  'nascimento',
  'nascid[oa]',
  'data\\s+di\\s+nascita',
  'nascita',
  'nat[oa]',
  'compleanno',
  'nasci',
  'nasceu',
  'aniversário',
  'verjaardag',
  'geboortedatum',
  'geboren\\s+op',
  'geb\\.\\s*datum',
]);
/** Phrases that tie the date to something else, cutting the link to a birth cue before them. */
const BREAK =
  / {3}|[!?\n;]|[.!?]\s+\p{L}|(?<![\p{L}])(?:order(?:ed)?|arriv\w*|deliver\w*|ship\w*|placed|bought|purchased|since|expire\w*|paid|refund\w*|gift|present|party|card|cake|sale|coupon|until|by|before|bestellt|geliefert|geschenk|pedido|entrega\w*|regalo|command\w*|livr\w*|cadeau)(?![\p{L}])/u;
const CUE_BEFORE = 32;
const CUE_AFTER = 24;

/**
 * Dates are readable data (delivery days, order dates); only a birth cue right before ("born", "dob:",
 * "fecha de nacimiento") or right after ("… is my birthday") makes one a date of birth.
 */
export const dateOfBirthRecognizer: Recognizer = {
  id: ID,
  types: ['DATE_OF_BIRTH'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    if (/bor|birth|dob|d\.o\.b|b\.|day|geb|nac|nasc|nat[oa]|cumple|né|nee|naiss|anniv/.test(lower)) {
      collect(DATE_RE, 0.9, CUE_BEFORE, text, lower, out);
      collect(SPOKEN_DATE_RE, 0.9, CUE_BEFORE, text, lower, out);
      collect(SHORT_DATE_RE, 0.8, 14, text, lower, out);
      collect(YEAR_RE, 0.6, 12, text, lower, out);
    }
    if (/(?:19|20)\d\d|\d[/.-]\d{1,2}[/.-]\d\d/.test(lower)) historicDates(text, lower, out);
    return out;
  },
};

/** The oldest year a customer's own recent business (orders, deliveries, tickets) would carry. */
const LAST_BIRTH_YEAR = 2010;
const FULL_YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/;
const NUMERIC = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/;
/** Words before a date that tie it to something other than a birth: "since", "ordered on", "expires". */
const NOT_BIRTH_BEFORE =
  /(?:^|[^\p{L}])(?:since|from|until|till|between|order(?:ed)?|placed|bought|purchased|paid|shipped|deliver\w*|arriv\w*|expir\w*|exp|valid|issued?|joined|member|opened|started|married|moved|died|passed|dated?|invoice\w*|warranty|seit|bis|desde|hasta|depuis|jusqu)\W+(?:\w+\W+){0,2}$/u;

/**
 * A full calendar date (day, month and year) from 1900–2010 with nothing tying it to
 * an event: in a support chat that is the customer's date of birth far more often than anything else,
 * whatever phrase introduced it ("my details: 14 March 1978"). Lower score than a cued date.
 */
function historicDates(text: string, lower: string, out: Finding[]): void {
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(lower); m !== null; m = DATE_RE.exec(lower)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    const year = historicYear(m[0]);
    if (year === undefined || year > LAST_BIRTH_YEAR || year < 1900) continue;
    if (NOT_BIRTH_BEFORE.test(lower.slice(Math.max(0, start - 40), start))) continue;
    out.push(makeFinding('DATE_OF_BIRTH', text, start, end, 0.6, ID, ['historic-date']));
  }
}

/** The year of a full date, or undefined when the match has no day or no year ("march 1988", "may 4"). */
function historicYear(date: string): number | undefined {
  const num = NUMERIC.exec(date);
  if (num) {
    const a = num[1]!;
    const c = num[3]!;
    if (a.length === 4) return Number(a);
    if (c.length === 4) return Number(c);
    // two-digit years: only unambiguous past ones ("7/9/62"); "3/4/05" may be last spring's invoice
    const yy = Number(c);
    return c.length === 2 && yy >= 30 ? 1900 + yy : undefined;
  }
  if (!/\d/.test(date.replace(FULL_YEAR, ''))) return undefined; // a month and a year, no day
  const y = FULL_YEAR.exec(date);
  return y ? Number(y[1]) : undefined;
}

function collect(
  re: RegExp,
  score: number,
  window: number,
  text: string,
  lower: string,
  out: Finding[],
): void {
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    const cue = birthCue(lower, start, end, window);
    if (!cue) continue;
    out.push(makeFinding('DATE_OF_BIRTH', text, start, end, score, ID, [cue]));
  }
}

function birthCue(lower: string, start: number, end: number, window: number): string | undefined {
  const from = Math.max(0, start - window);
  const before = lower.slice(from, start);
  BIRTH.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = BIRTH.exec(before); m !== null; m = BIRTH.exec(before)) last = m;
  if (last && !BREAK.test(before.slice(last.index + last[0].length))) return last[0];
  const after = lower.slice(end, end + CUE_AFTER);
  BIRTH.lastIndex = 0;
  const next = BIRTH.exec(after);
  if (
    next &&
    !BREAK.test(after.slice(0, next.index)) &&
    !claimedByNextDate(lower, end + next.index + next[0].length) &&
    !BREAK.test(lower.slice(Math.max(0, start - 16), start))
  )
    return next[0];
  return undefined;
}

/** Where a date can start after a cue and its link: "dob 07/09/1958", "birthday: June 3". */
// Three blanks: a date the engine already masked there (it rescans with findings blanked out).
const DATE_AHEAD = new RegExp(
  `[\\s:=-]*(?:(?:is|was|ist|es|est)\\s+)?(?:${DATE_RE.source})|[:=-]?\\s{3,}`,
  'uy',
);

/**
 * "date of service 02/14/2024, patient DOB 07/09/1958": a cue followed by its own date belongs to that
 * date, not to the one before it.
 */
function claimedByNextDate(lower: string, cueEnd: number): boolean {
  DATE_AHEAD.lastIndex = cueEnd;
  return DATE_AHEAD.test(lower);
}
