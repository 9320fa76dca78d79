/**
 * How customers' claims are compared with on-file data. Deliberately tolerant of formatting only: two
 * values match when a person would say they are the same identifier written differently.
 */

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Digits only; a leading `00` international prefix is read as `+`. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? digits : digits.replace(/^00/, '');
}

const MIN_PHONE_DIGITS = 7;
const MIN_NATIONAL_DIGITS = 8;

/**
 * Equal digits, or one is the other with a 1-3 digit country code in front (`+1 503 555 0117` vs
 * `(503) 555-0117`; `+44 20 7946 0958` vs `020 7946 0958`, whose trunk `0` is dropped).
 */
export function phonesMatch(a: string, b: string): boolean {
  const da = phoneDigits(a);
  const db = phoneDigits(b);
  if (da.length < MIN_PHONE_DIGITS || db.length < MIN_PHONE_DIGITS) return false;
  if (da === db) return true;
  const [short, long] = da.length <= db.length ? [da, db] : [db, da];
  const national = short.replace(/^0/, '');
  const codeLength = long.length - national.length;
  return (
    national.length >= MIN_NATIONAL_DIGITS && codeLength >= 1 && codeLength <= 3 && long.endsWith(national)
  );
}

/** Lower-case words without diacritics, `Last, First` turned round to `First Last`. */
export function nameTokens(name: string): string[] {
  let n = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const comma = n.indexOf(',');
  if (comma >= 0) n = `${n.slice(comma + 1)} ${n.slice(0, comma)}`;
  // Apostrophes join (O'Neill = ONeill); any other punctuation separates words (Müller-Lüdenscheidt).
  return n
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Same words in any order, or the same first and last word (a middle name or initial left out). */
export function namesMatch(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.length === tb.length && [...ta].sort().join(' ') === [...tb].sort().join(' ')) return true;
  return ta.length >= 2 && tb.length >= 2 && ta[0] === tb[0] && ta.at(-1) === tb.at(-1);
}

export const cardLast4 = (value: string): string => value.replace(/\D/g, '').slice(-4);
