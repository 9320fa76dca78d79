import type { AccountRecord } from '../core/account.js';
import { atLeast, levelRank, type VerificationLevel } from '../core/verification.js';
import type { GuardPolicy } from '../policy/schema.js';
import { dateCandidates, digitsOf, fold, normalizeEmail } from '../verification/normalize.js';
import { blank, type DigitRun, digitRuns, occurrences, plain, sentences, unaccent, wordRe } from './text.js';
import type { CustomerTurn, GuardInput } from './types.js';

/** Everything rules need, computed once per message. */
export interface GuardContext {
  input: GuardInput;
  /** Agent text with the business's own contact details blanked out. */
  text: string;
  /** `text` folded (lowercase, no diacritics, plain quotes). Same length as `text` for ordinary input. */
  folded: string;
  /** `text` without diacritics, case kept. */
  cased: string;
  runs: DigitRun[];
  sentences: { text: string; question: boolean }[];
  /** Level needed to disclose for the conversation's account (flags raise it). */
  required: VerificationLevel;
  /** True when the conversation is verified enough for its account's on-file data. */
  unlocked: boolean;
  /** Records whose data may not be disclosed or confirmed. */
  protectedAccounts: AccountRecord[];
  /** The record disclosure is allowed for, when unlocked. */
  unlockedAccount: AccountRecord | undefined;
  /** Did the customer type this (a word, folded) in this conversation? */
  echoWord(word: string): boolean;
  /** Did the customer type these digits (inside any value they typed)? */
  echoDigits(digits: string): boolean;
  /** Did the customer type a value that starts or ends with these digits ("ends in 17" of their own number)? */
  echoEnds(digits: string): boolean;
  /** Did the customer type this date (YYYY-MM-DD), in any spelling? */
  echoDate(iso: string): boolean;
  pending: PendingClaim;
}

export interface PendingClaim {
  /** Some recent customer turn gave or asked about identity data. */
  any: boolean;
  /** Bare "yes"/"no" would answer an identity question. */
  bareAnswersIdentity: boolean;
  /** The latest identity turn only stated data (no question). */
  statementOnly: boolean;
  /** The latest identity turn is about someone else's data. */
  thirdParty: boolean;
  /** The latest identity turn also asked about something else. */
  alsoAsked: boolean;
  kinds: Set<string>;
}

export function requiredFor(flags: readonly string[], guard: GuardPolicy): VerificationLevel {
  let need: VerificationLevel = guard.discloseAt;
  for (const f of flags) {
    const l = guard.flags[f];
    if (l && levelRank(l) > levelRank(need)) need = l;
  }
  return need;
}

/** A bare guess continues the identity question before it ("is it 217…?" then "what about 219?"). */
function resolveGuesses(turns: readonly CustomerTurn[]): CustomerTurn[] {
  const out: CustomerTurn[] = [];
  for (const t of turns) {
    if (!t.guess) {
      out.push(t);
      continue;
    }
    // With nothing before it in the window (a long run of guesses), it is taken as one: fail closed.
    // A guess shaped like one kind of data ("the 25th?") goes on with an earlier question about that
    // kind even across an unrelated question in between.
    const prev = out[out.length - 1];
    const related =
      t.kinds.length > 0 &&
      out.some((o) => o.identity !== 'none' && o.kinds.some((k) => t.kinds.includes(k)));
    out.push(
      prev?.identity !== 'none' || related
        ? { identity: 'question', kinds: [...t.kinds], otherQuestion: false, thirdParty: prev?.thirdParty }
        : { identity: 'none', kinds: [], otherQuestion: true },
    );
  }
  return out;
}

function pendingOf(all: readonly CustomerTurn[]): PendingClaim {
  const turns = resolveGuesses(all);
  const kinds = new Set<string>();
  let lastIdx = -1;
  turns.forEach((t, i) => {
    if (t.identity !== 'none') {
      lastIdx = i;
      for (const k of t.kinds) kinds.add(k);
    }
  });
  if (lastIdx < 0)
    return {
      any: false,
      bareAnswersIdentity: false,
      statementOnly: false,
      thirdParty: false,
      alsoAsked: false,
      kinds,
    };
  const last = turns[lastIdx]!;
  // A later unrelated question is what a bare "yes" answers; so is one asked in the same breath as a statement.
  const laterOther = turns.slice(lastIdx + 1).some((t) => t.otherQuestion);
  const bare = !laterOther && (last.identity === 'question' || !last.otherQuestion);
  return {
    any: true,
    bareAnswersIdentity: bare,
    statementOnly: last.identity === 'statement',
    thirdParty: last.thirdParty === true,
    alsoAsked: last.otherQuestion,
    kinds,
  };
}

const DATE_SHAPES =
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?\p{L}{3,9}\.?,?\s+\d{2,4}\b|\b\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}\b/gu;

/** Every date the customer wrote, as YYYY-MM-DD (both readings of an ambiguous numeric date). */
function typedDates(corpus: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const c of corpus) for (const d of datesIn(c)) out.add(d);
  return out;
}

/**
 * Dates in one customer text. The same texts are scanned for every agent message of a conversation, so
 * results are memoised (bounded; purely a function of the text).
 */
const dateMemo = new Map<string, readonly string[]>();
function datesIn(text: string): readonly string[] {
  let hit = dateMemo.get(text);
  if (!hit) {
    const found = new Set<string>(dateCandidates(text));
    for (const m of text.matchAll(DATE_SHAPES)) for (const d of dateCandidates(m[0])) found.add(d);
    hit = [...found];
    if (dateMemo.size >= 2048) dateMemo.clear();
    dateMemo.set(text, hit);
  }
  return hit;
}

export function buildContext(input: GuardInput): GuardContext {
  const { policy } = input;
  const business = [...policy.business.emails, ...policy.business.phones, ...policy.business.addresses];
  const spans = business.flatMap((b) => occurrences(input.text, b));
  // Phones are written many ways; blank any digit run that is a business phone's digits.
  const bizPhones = policy.business.phones.map(digitsOf).filter((d) => d.length >= 7);
  for (const r of digitRuns(input.text)) {
    if (bizPhones.some((p) => p.endsWith(r.digits.slice(-10)) && r.digits.length >= 7)) spans.push(r);
  }
  const text = blank(input.text, spans);
  const main = input.accounts.find((a) => a.id === input.accountId);
  const required = requiredFor(main?.flags ?? [], policy.guard);
  const unlocked = main !== undefined && atLeast(input.level, required);
  const protectedAccounts = input.accounts.filter((a) => !(unlocked && a.id === main?.id));

  const corpus = [...input.customerValues.map((v) => v.value), ...(input.customerTexts ?? [])];
  const foldedCorpus = plain(corpus.join('\n'));
  // "M14 5TQ" and "m145tq" are one code: tokens with digits are compared without spaces and dashes.
  const compactCorpus = foldedCorpus.replace(/[\s-]+/g, '');
  const emailCorpus = input.customerValues
    .filter((v) => v.type === 'EMAIL')
    .map((v) => normalizeEmail(v.value));
  const digitCorpus = corpus
    .flatMap((c) => [digitsOf(c), ...digitRuns(c).map((r) => r.digits)])
    .filter(Boolean);
  const wordCache = new Map<string, boolean>();
  let dates: Set<string> | undefined;
  return {
    input,
    text,
    folded: plain(text),
    cased: unaccent(text).replace(/[\u2018\u2019]/g, "'"),
    runs: digitRuns(text),
    sentences: sentences(text),
    required,
    unlocked,
    protectedAccounts,
    unlockedAccount: unlocked ? main : undefined,
    echoWord(word) {
      const w = fold(word);
      let hit = wordCache.get(w);
      if (hit === undefined) {
        hit =
          wordRe(w).test(foldedCorpus) ||
          emailCorpus.some((e) => e.includes(w)) ||
          (/\d/.test(w) && /\p{L}/u.test(w) && compactCorpus.includes(w));
        wordCache.set(w, hit);
      }
      return hit;
    },
    // A few digits occur in any typed value by chance; they are an echo only when typed on their own.
    echoDigits: (d) => digitCorpus.some((c) => (d.length >= 4 ? c.includes(d) : c === d)),
    echoEnds: (d) => digitCorpus.some((c) => c.length >= 7 && (c.endsWith(d) || c.startsWith(d))),
    echoDate(iso) {
      dates ??= typedDates(corpus);
      return dates.has(iso);
    },
    pending: pendingOf(input.recentCustomerTurns),
  };
}
