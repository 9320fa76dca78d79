import { createHmac } from 'node:crypto';
import type { AccountRecord, OnFileKind } from '../core/account.js';
import { addressParts, dateCandidates, digitsOf, nameTokens, normalizeEmail, phoneKey } from './normalize.js';

/**
 * A value the customer typed, reduced to keyed digests of its comparable parts. State keeps these
 * instead of the values so a stored conversation holds no claimant PII, yet claims typed in earlier
 * turns can still be matched against directory records found later.
 */
export interface ClaimDigest {
  kind: OnFileKind;
  keys: string[];
}

/** A typed value with its detector type (a `Finding` is accepted as is). */
export interface TypedValue {
  type: string;
  value: string;
}

/** Detector type -> the on-file kind a claim of it is compared with. `CARD_LAST4` is for "card ending 4242". */
export const CLAIM_TYPES: Readonly<Record<string, OnFileKind>> = {
  EMAIL: 'email',
  PHONE: 'phone',
  PERSON: 'name',
  ADDRESS: 'address',
  DATE_OF_BIRTH: 'dateOfBirth',
  CREDIT_CARD: 'card',
  CARD_LAST4: 'card',
};

/** Keeps the component prefix ("a:", "z:") in clear: it says which part it is, not what it holds. */
const digest = (salt: string, key: string): string =>
  `${key.slice(0, 2)}${createHmac('sha256', salt).update(key).digest('hex').slice(0, 32)}`;

/** Plain component keys of one value; each key is a fact that must be equal on both sides. */
function componentKeys(kind: OnFileKind, value: string, side: 'claim' | 'record'): string[] {
  switch (kind) {
    case 'email': {
      const e = normalizeEmail(value);
      return e.includes('@') ? [`e:${e}`] : [];
    }
    case 'phone': {
      const k = phoneKey(value);
      return k ? [`p:${k}`] : [];
    }
    case 'name':
      return [...new Set(nameTokens(value))].map((t) => `n:${t}`);
    case 'address': {
      const p = addressParts(value);
      // A claim may omit commas, so every word of it may be the street; a record's street is its street segment.
      const words = side === 'claim' ? [...p.streetWords, ...p.placeWords] : p.streetWords;
      const pairs = p.numbers.flatMap((n) => words.map((w) => `a:${n}|${w}`));
      return [...new Set([...pairs, ...p.postcodes.map((z) => `z:${z}`)])];
    }
    case 'dateOfBirth':
      return dateCandidates(value).map((d) => `d:${d}`);
    case 'card': {
      const d = digitsOf(value);
      return d.length >= 4 ? [`c:${d.slice(-4)}`] : [];
    }
  }
}

/** Digests of the identifiers in one customer turn; values of other types are ignored. */
export function digestClaims(values: readonly TypedValue[], salt: string): ClaimDigest[] {
  const out: ClaimDigest[] = [];
  for (const v of values) {
    const kind = CLAIM_TYPES[v.type];
    if (!kind) continue;
    const keys = componentKeys(kind, v.value, 'claim').map((k) => digest(salt, k));
    if (keys.length > 0) out.push({ kind, keys });
  }
  return out;
}

export type KindResult = 'match' | 'mismatch' | 'none';

/** Compares one claim with a record's values of the same kind. */
function compare(claim: ClaimDigest, record: AccountRecord, salt: string): KindResult {
  const has = new Set(claim.keys);
  const recordValues = (): string[] => {
    switch (claim.kind) {
      case 'email':
        return record.emails;
      case 'phone':
        return record.phones;
      case 'name':
        return [record.name];
      case 'address':
        return record.addresses;
      case 'dateOfBirth':
        return record.dateOfBirth ? [record.dateOfBirth] : [];
      case 'card':
        return record.cardLast4;
    }
  };
  const values = recordValues();
  if (values.length === 0) return 'none';
  const d = (k: string): string => digest(salt, k);
  if (claim.kind === 'name') {
    // First and last name must both be there; a lone given name is common to many people.
    const toks = nameTokens(record.name);
    const first = toks[0];
    const last = toks[toks.length - 1];
    if (first && last && first !== last && has.has(d(`n:${first}`)) && has.has(d(`n:${last}`)))
      return 'match';
    return claim.keys.length >= 2 ? 'mismatch' : 'none';
  }
  if (claim.kind === 'address') {
    const recKeys = values.flatMap((v) => componentKeys('address', v, 'record'));
    const streets = recKeys.filter((k) => k.startsWith('a:'));
    if (streets.some((k) => has.has(d(k)))) return 'match';
    // A claim without house number and street can only be judged on its postcode.
    const claimHasStreet = claim.keys.some((k) => k.startsWith('a:'));
    if (!claimHasStreet && recKeys.some((k) => k.startsWith('z:') && has.has(d(k)))) return 'match';
    return 'mismatch';
  }
  const recKeys = values.flatMap((v) => componentKeys(claim.kind, v, 'record'));
  return recKeys.some((k) => has.has(d(k))) ? 'match' : 'mismatch';
}

export interface RecordMatch {
  accountId: string;
  matched: OnFileKind[];
  mismatched: OnFileKind[];
  score: number;
}

const WEIGHT: Record<OnFileKind, number> = {
  email: 3,
  phone: 3,
  card: 2,
  dateOfBirth: 2,
  address: 2,
  name: 1,
};
const ORDER: readonly OnFileKind[] = ['name', 'email', 'phone', 'address', 'dateOfBirth', 'card'];

/** How all claims so far compare with one record. A kind matches if any claim of it matches. */
export function matchRecord(
  claims: readonly ClaimDigest[],
  record: AccountRecord,
  salt: string,
): RecordMatch {
  const results = new Map<OnFileKind, KindResult>();
  for (const c of claims) {
    const r = compare(c, record, salt);
    const prev = results.get(c.kind);
    if (r === 'match' || prev === undefined || (prev === 'none' && r === 'mismatch')) results.set(c.kind, r);
  }
  const matched = ORDER.filter((k) => results.get(k) === 'match');
  const mismatched = ORDER.filter((k) => results.get(k) === 'mismatch');
  const score = matched.reduce((s, k) => s + WEIGHT[k], 0) - 2 * mismatched.length;
  return { accountId: record.id, matched, mismatched, score };
}

/**
 * Knowledge of an account: a unique identifier (email, phone) or two different kinds match.
 * Weak by design: all of it can be learned from a data breach.
 */
export const qualifies = (m: Pick<RecordMatch, 'matched' | 'score'>): boolean =>
  m.score > 0 && (m.matched.includes('email') || m.matched.includes('phone') || m.matched.length >= 2);

/** Best first: qualifying, then score, then account id, so the choice never depends on lookup order. */
export const compareMatches = (a: RecordMatch, b: RecordMatch): number =>
  Number(qualifies(b)) - Number(qualifies(a)) ||
  b.score - a.score ||
  (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0);
