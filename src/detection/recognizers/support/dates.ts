/**
 * Finds calendar dates in lowercase text: numeric (1/22/54, 02.03.2005, 1994-02-28), day-month
 * ("4 may 1988", "the 12th of may 1946", "3. märz 1988", "3 de marzo de 1988", "1er mars 1988") and
 * month-day ("jun 7 1957", "march 3rd, 1942"), in English, German, Spanish, French, Dutch, Italian and
 * Portuguese. Only spans; whether a date is a birth date is the caller's decision.
 */
const MONTH = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'januar',
  'jänner',
  'februar',
  'märz',
  'maerz',
  'mai',
  'juni',
  'juli',
  'oktober',
  'dezember',
  'okt',
  'dez',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'ene',
  'abr',
  'ago',
  'dic',
  'janvier',
  'février',
  'fevrier',
  'mars',
  'avril',
  'juin',
  'juillet',
  'août',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'decembre',
  'janv',
  'févr',
  'avr',
  'juil',
  'déc',
  // Dutch, Italian, Portuguese (shared spellings like 'april', 'marzo', 'agosto' are listed once)
  'januari',
  'februari',
  'maart',
  'mei',
  'augustus',
  'gennaio',
  'febbraio',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'settembre',
  'ottobre',
  'dicembre',
  'janeiro',
  'fevereiro',
  'março',
  'maio',
  'junho',
  'julho',
  'setembro',
  'outubro',
  'dezembro',
  'mrt',
  'sett',
  'fev',
]
  .sort((a, b) => b.length - a.length)
  .join('|');

const M = `(?:${MONTH})\\.?`;
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const ORD = '(?:st|nd|rd|th|er|e|º|°|\\.)?';
const YEAR = "(?:(?:19|20)\\d{2}|'\\d{2})";
const YEAR_NUM = '(?:(?:19|20)\\d{2}|\\d{2})';
const B = '(?<![a-z0-9\\u00c0-\\u024f])';
const E = '(?![a-z0-9\\u00c0-\\u024f])';

const PATTERNS = [
  // the 12th of may 1946 / 3. märz 1988 / 3 de marzo de 1988 / 14 september 1984 / 4 may
  `(?:the\\s+)?${DAY}${ORD}\\s*(?:of\\s+|de\\s+)?${M}(?:,?\\s*(?:de\\s+|del\\s+)?${YEAR})?`,
  // march 3rd, 1942 / jun 7 1957 / may the 8th
  `${M}\\s*(?:the\\s+)?${DAY}${ORD}(?:,?\\s*${YEAR})?`,
  // march 1988
  `${M},?\\s+(?:of\\s+|de\\s+)?(?:19|20)\\d{2}`,
  // 1994-02-28
  `(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.]${DAY}`,
  // 1/22/54, 02.03.2005, 22-01-1954
  `${DAY}[-/.]${DAY}[-/.]${YEAR_NUM}`,
];

export const DATE_RE = new RegExp(`${B}(?:${PATTERNS.join('|')})${E}`, 'gu');
/** Month/day without a year (8/1, 12/25): a date only when a birth cue sits right next to it. */
export const SHORT_DATE_RE = new RegExp(`${B}${DAY}[/.]${DAY}${E}(?![/.]\\d)`, 'gu');
/** Year alone ("born in 1985"). */
export const YEAR_RE = new RegExp(`${B}(?:19|20)\\d{2}${E}`, 'gu');

/** Dates dictated to voice-to-text: "june fourth nineteen seventy two", "the third of may two thousand five". */
const UNIT_W = 'one|two|three|four|five|six|seven|eight|nine';
const TEEN_W = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_W = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ORD_W =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth';
const DAY_W = `(?:(?:twenty|thirty)[- ](?:${ORD_W.split('|').slice(0, 9).join('|')}|${UNIT_W})|${ORD_W}|${TEEN_W}|twenty|thirty|${UNIT_W}|${DAY}${ORD})`;
const YEAR_W = `(?:(?:nineteen|twenty)\\s+(?:oh\\s+(?:${UNIT_W})|(?:${TENS_W})(?:[- ](?:${UNIT_W}))?|${TEEN_W})|two\\s+thousand(?:\\s+and)?(?:\\s+(?:${TEEN_W}|${UNIT_W}))?|(?:19|20)\\d{2})`;
export const SPOKEN_DATE_RE = new RegExp(
  `${B}(?:${M}\\s+(?:the\\s+)?${DAY_W}(?:,?\\s+(?:of\\s+)?${YEAR_W})?|(?:the\\s+)?${DAY_W}\\s+of\\s+${M}(?:,?\\s+${YEAR_W})?)${E}`,
  'gu',
);
