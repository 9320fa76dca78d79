import type { AccountRecord } from '../core/account.js';
import { cardLast4, namesMatch, normalizeEmail, phonesMatch } from './normalize.js';
import type { CandidateQuery } from './port.js';

/** How many kinds of identifier in the query the record matches (0 to 4). */
export function matchScore(record: AccountRecord, q: CandidateQuery): number {
  let score = 0;
  const emails = new Set((q.emails ?? []).map(normalizeEmail));
  if (record.emails.some((e) => emails.has(normalizeEmail(e)))) score++;
  if ((q.phones ?? []).some((p) => record.phones.some((r) => phonesMatch(p, r)))) score++;
  if ((q.names ?? []).some((n) => namesMatch(n, record.name))) score++;
  const cards = new Set((q.cardLast4 ?? []).map(cardLast4).filter((c) => c.length === 4));
  if (record.cardLast4.some((c) => cards.has(c))) score++;
  return score;
}

export const isEmptyQuery = (q: CandidateQuery): boolean =>
  !q.emails?.length && !q.phones?.length && !q.names?.length && !q.cardLast4?.length;

/** The candidates among `records`, best match first; copies, so callers cannot alter the source. */
export function findCandidates(records: Iterable<AccountRecord>, q: CandidateQuery): AccountRecord[] {
  if (isEmptyQuery(q)) return [];
  const scored: { record: AccountRecord; score: number }[] = [];
  for (const record of records) {
    const score = matchScore(record, q);
    if (score > 0) scored.push({ record, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
    .map(({ record }) => structuredClone(record));
}
