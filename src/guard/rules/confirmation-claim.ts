import type { GuardContext } from '../context.js';
import {
  ASSERTS_ON_FILE,
  DESCRIBES_DATA,
  GENERIC_MARKERS,
  IDENTITY_TOPIC,
  NOT_ASSERTION,
  REFERRING_MARKERS,
  SAFE_SPANS,
  WEAK_MARKER,
} from '../lexicon.js';
import { clauses } from '../text.js';
import type { GuardRule } from '../types.js';
import { levelReason, verifyHint } from './hints.js';

/** Short enough that a bare "yes" is the whole answer ("Yes!", "Yep, that one"). */
const SHORT_WORDS = 4;

export const stripSafe = (s: string): string => SAFE_SPANS.reduce((acc, re) => acc.replace(re, ' '), s);

/**
 * Does the message judge a pending claim? Words that refer to the data always do; generic judgements
 * ("correct", "nope") when the claim is what the customer last raised; bare answers when they answer it.
 */
function judgesClaim(ctx: GuardContext): boolean {
  const { pending } = ctx;
  if (!pending.any) return false;
  const text = stripSafe(ctx.folded);
  if (REFERRING_MARKERS.some((re) => re.test(text))) return true;
  if (!pending.bareAnswersIdentity) return false;
  if (GENERIC_MARKERS.some((re) => re.test(text))) return true;
  const words = ctx.folded.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (pending.statementOnly && words > SHORT_WORDS) return false;
  return clauses(text.replace(/[.!?]+/g, ',')).some((c) =>
    WEAK_MARKER.test(c.replace(/^[^\p{L}\p{N}]+/u, '')),
  );
}

/** "I can see that email on the account", "we have a different address": describes the account's data. */
function assertsOnFile(ctx: GuardContext): boolean {
  for (const s of ctx.sentences) {
    if (s.question) continue;
    for (const c of clauses(
      stripSafe(
        s.text
          .toLowerCase()
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .replace(/[\u2018\u2019]/g, "'"),
      ),
    )) {
      if (!IDENTITY_TOPIC.test(c) || NOT_ASSERTION.test(c)) continue;
      if (ASSERTS_ON_FILE.some((re) => re.test(c)) || DESCRIBES_DATA.test(c)) return true;
    }
  }
  return false;
}

/** Confirming or denying a claim about on-file data, or describing that data, before verification. */
export const confirmationClaim: GuardRule = {
  id: 'guard.confirmation.claim',
  check(ctx) {
    if (judgesClaim(ctx)) {
      return {
        reason: `The message confirms or denies what the customer said about their account details, and ${levelReason(ctx)}.`,
        hint: verifyHint(ctx),
      };
    }
    if (assertsOnFile(ctx)) {
      return {
        reason: `The message describes what is on file for the account, and ${levelReason(ctx)}.`,
        hint: verifyHint(ctx),
      };
    }
    return undefined;
  },
};
