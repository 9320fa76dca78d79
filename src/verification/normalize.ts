/**
 * Normalisers for identity values, shared by claim matching and the outbound guard. Pure string work:
 * two spellings of the same value must normalise to the same thing, or an imposter's claim and the
 * record would be compared as different values (and an agent's disclosure would slip past the guard).
 */

/** Lowercase, diacritics stripped ("Sérgio" -> "sergio"), so names and streets compare across keyboards. */
export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export const digitsOf = (s: string): string => s.replace(/\D/g, '');

export const normalizeEmail = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');

/**
 * The national part of a phone number. Country codes and trunk prefixes vary ("+1 503…", "00351 9…",
 * "(503)…"), so numbers are compared on their last 9 digits; shorter inputs are too weak to identify.
 */
export function phoneKey(s: string): string | undefined {
  const d = digitsOf(s);
  return d.length >= 9 ? d.slice(-9) : undefined;
}

/** Name tokens, order-free: "Doe, Jane" and "jane DOE" give the same set. */
export function nameTokens(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((t) => t.replace(/^['-]+|['-]+$/g, ''))
    .filter((t) => t.length > 0);
}

/** Street-type and filler words that say nothing about which street it is. */
export const STREET_FILLER = new Set([
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'av',
  'court',
  'ct',
  'lane',
  'ln',
  'drive',
  'dr',
  'boulevard',
  'blvd',
  'place',
  'pl',
  'way',
  'terrace',
  'ter',
  'circle',
  'cir',
  'square',
  'sq',
  'highway',
  'hwy',
  'parkway',
  'pkwy',
  'trail',
  'trl',
  'north',
  'south',
  'east',
  'west',
  'n',
  's',
  'e',
  'w',
  'ne',
  'nw',
  'se',
  'sw',
  'apt',
  'apartment',
  'unit',
  'suite',
  'ste',
  'floor',
  'fl',
  'no',
  'nr',
  'rua',
  'r',
  'avenida',
  'praca',
  'largo',
  'travessa',
  'estrada',
  'calle',
  'carrer',
  'via',
  'rue',
  'strasse',
  'str',
  'weg',
  'platz',
  'da',
  'das',
  'do',
  'dos',
  'de',
  'del',
  'la',
  'le',
  'les',
  'du',
  'des',
  'the',
  'of',
  'and',
  'y',
  'e',
  'andar',
  'esq',
  'dto',
]);

export interface AddressParts {
  /** House number(s) in the street segment. */
  numbers: string[];
  /** Distinctive street-name words ("birchwood", "flores"). */
  streetWords: string[];
  /** Words of the other segments: city, region (folded). */
  placeWords: string[];
  /** Postal codes, digits only ("97205", "4050262"). */
  postcodes: string[];
  /** Two-letter region codes as written ("OR"). */
  regionCodes: string[];
}

const POSTCODE =
  /\b(\d{5})(?:-\d{4})?\b|\b(\d{4}-\d{3})\b|\b(\d{4})\s?([A-Z]{2})\b|\b([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/g;

const OTHER_POSTCODE =
  /(?<![\p{L}\p{N}-])(?:\d{5}-\d{3}|\d{3}-\d{4}|\d{6}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}|[A-Z]\d{2} ?[A-Z\d]{4})(?![\p{L}\p{N}-])/gu;

/**
 * Splits a free-text address into parts. The street segment is the first comma-separated segment
 * that holds a number (or the first segment); the rest are place segments.
 */
/** Records are compared with every message of a conversation: the parts of an address are kept (bounded). */
const PARTS = new Map<string, AddressParts>();
export function addressParts(address: string): AddressParts {
  let parts = PARTS.get(address);
  if (!parts) {
    if (PARTS.size >= 4096) PARTS.clear();
    parts = splitAddress(address);
    PARTS.set(address, parts);
  }
  return parts;
}

function splitAddress(address: string): AddressParts {
  const segments = address
    .split(/[,\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const streetIdx = Math.max(
    0,
    segments.findIndex((s) => /\d/.test(s)),
  );
  const postcodes = new Set<string>();
  const regionCodes = new Set<string>();
  for (const m of address.matchAll(POSTCODE)) {
    // US/PT numeric, NL "1234 AB", UK "LS1 4DT" and CA "K1A 0B1" shapes.
    const code = m[1] ?? m[2] ?? (m[3] ? `${m[3]}${m[4]}` : undefined) ?? m[5];
    if (code) postcodes.add(code.replace(/[\s-]/g, '').toLowerCase());
  }
  // Outside the street segment, the other shapes: IN/NG/SG "560038", JP "113-0033", SE "411 38",
  // PL "00-514", BR "01310-100", AU/DK/CH "2010", IE "V92 PK72".
  segments.forEach((seg, i) => {
    if (i === streetIdx) return;
    for (const m of seg.matchAll(OTHER_POSTCODE)) postcodes.add(m[0].replace(/[\s-]/g, '').toLowerCase());
  });
  const numbers: string[] = [];
  const streetWords: string[] = [];
  const placeWords: string[] = [];
  segments.forEach((seg, i) => {
    for (const raw of seg.split(/\s+/)) {
      const tok = raw.replace(/[.#]/g, '');
      if (/^[A-Z]{2}$/.test(tok) && i !== streetIdx) regionCodes.add(tok);
      if ([...postcodes].some((z) => z.includes(tok.toLowerCase())) && /\d/.test(tok)) continue;
      const f = fold(tok).replace(/[^\p{L}\p{N}'-]/gu, '');
      if (!f) continue;
      if (/\d/.test(f)) {
        if (i === streetIdx && /^\d+[a-z]?$/.test(f) && f.length <= 6) numbers.push(f.replace(/[a-z]$/, ''));
        continue;
      }
      if (STREET_FILLER.has(f) || f.length < 3) continue;
      (i === streetIdx ? streetWords : placeWords).push(f);
    }
  });
  return { numbers, streetWords, placeWords, postcodes: [...postcodes], regionCodes: [...regionCodes] };
}

const MONTHS = [
  ['january', 'jan', 'janeiro', 'enero', 'janvier', 'januar'],
  ['february', 'feb', 'fevereiro', 'febrero', 'fevrier', 'februar'],
  ['march', 'mar', 'marco', 'marzo', 'mars', 'marz'],
  ['april', 'apr', 'abril', 'avril'],
  ['may', 'maio', 'mayo', 'mai'],
  ['june', 'jun', 'junho', 'junio', 'juin', 'juni'],
  ['july', 'jul', 'julho', 'julio', 'juillet', 'juli'],
  ['august', 'aug', 'agosto', 'aout'],
  ['september', 'sep', 'sept', 'setembro', 'septiembre', 'septembre'],
  ['october', 'oct', 'outubro', 'octubre', 'octobre', 'oktober', 'okt'],
  ['november', 'nov', 'novembro', 'noviembre', 'novembre'],
  ['december', 'dec', 'dezembro', 'diciembre', 'decembre', 'dezember', 'dez'],
] as const;

/** English month names, index 0 = January; the guard looks for these in agent text. */
export const MONTH_NAMES: readonly (readonly string[])[] = MONTHS;

const monthIndex = (word: string): number => {
  const w = fold(word).replace(/\./g, '');
  return MONTHS.findIndex((names) => (names as readonly string[]).includes(w));
};

const pad = (n: number): string => String(n).padStart(2, '0');

const isoIfValid = (y: number, m: number, d: number): string | undefined => {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : undefined;
};

const fullYear = (y: number): number => (y >= 100 ? y : y > 30 ? 1900 + y : 2000 + y);

/**
 * Every YYYY-MM-DD a typed date of birth can mean. Numeric day/month order is ambiguous
 * ("04/03/1985"), so both readings are returned and a claim matches if either does.
 * Normalisation is done here, not by the pipeline: it passes the raw typed value.
 */
export function dateCandidates(s: string): string[] {
  const out = new Set<string>();
  const t = fold(s).trim();
  let m = /^(\d{4})[-/.\s](\d{1,2})[-/.\s](\d{1,2})$/.exec(t);
  if (m) {
    const v = isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
    if (v) out.add(v);
    return [...out];
  }
  m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(Number(m[3]));
    for (const v of [isoIfValid(y, a, b), isoIfValid(y, b, a)]) if (v) out.add(v);
    return [...out];
  }
  const words = t
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s,./-]+|\bde\b|\bof\b/)
    .filter(Boolean);
  let month = -1;
  const nums: number[] = [];
  for (const w of words) {
    const mi = monthIndex(w);
    if (mi >= 0 && month < 0) month = mi + 1;
    else if (/^\d+$/.test(w)) nums.push(Number(w));
  }
  if (month > 0 && nums.length === 2) {
    const [x, y] = nums as [number, number];
    const v = x > 31 ? isoIfValid(x, month, y) : isoIfValid(fullYear(y), month, x);
    if (v) out.add(v);
  }
  return [...out];
}
