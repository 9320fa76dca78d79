import type { AccountRecord } from '../../core/account.js';
import type { GuardContext } from '../context.js';
import {
  ACK_BEFORE_ACTION,
  ACTS_ON_CLAIM,
  ASSERTS_ON_FILE,
  DESCRIBES_DATA,
  GENERIC_MARKERS,
  IDENTITY_TOPIC,
  MADE_OF,
  NOT_ASSERTION,
  RECORD_SAYS,
  REFERRING_MARKERS,
  WEAK_MARKER,
  YES_TO_HELP,
} from '../lexicon.js';
import { answersTheOtherQuestion, echoesAsAnswer, picksOffered, stripSafe } from '../claim-answers.js';
import { onFileHits } from '../fragments.js';
import { clauses, plain } from '../text.js';
import type { GuardRule } from '../types.js';
import { levelReason, verifyHint } from './hints.js';

/** Short enough that a bare "yes" is the whole answer ("Yes!", "Yep, that one"). */
const SHORT_WORDS = 4;

/**
 * Does the message judge a pending claim? Words that refer to the data always do; generic judgements
 * ("correct", "nope") when the claim is what the customer last raised; bare answers when they answer it.
 */
function judgesClaim(ctx: GuardContext): boolean {
  const { pending } = ctx;
  if (!pending.any) return false;
  // Verified, and the reply speaks of the customer's own data ("Yes, it goes to 412 Larchmont Rd"):
  // the yes is about that, not about the someone else asked about in the same breath.
  if (ctx.unlockedAccount && speaksOfOwnData(ctx, ctx.unlockedAccount)) return false;
  if (!ctx.unlocked && RECORD_SAYS.some((re) => re.test(ctx.folded))) return true;
  const text = stripSafe(ctx.folded.replace(ACK_BEFORE_ACTION, ' ').replace(YES_TO_HELP, ' '));
  // Verified, asked about someone else: "what we have" is the customer's own record; bare judgements remain.
  if (!ctx.unlocked && REFERRING_MARKERS.some((re) => re.test(text))) return true;
  if (!pending.bareAnswersIdentity) return false;
  // "Just to be sure I have it right: 905 Juniper Lane. Is that correct?" asks the customer to check
  // what they typed; it does not judge. Other questions can ("Are you sure?"), so only these go.
  const stated = stripSafe(
    plain(
      ctx.sentences
        .filter((s) => !(s.question && CHECKS_BACK.test(plain(s.text))))
        .map((s) => s.text)
        .join('. '),
    )
      .replace(ACK_BEFORE_ACTION, ' ')
      .replace(YES_TO_HELP, ' '),
  );
  if (GENERIC_MARKERS.some((re) => re.test(stated))) return true;
  if (picksOffered(ctx)) return true;
  if (!pending.statementOnly && ACTS_ON_CLAIM.some((re) => re.test(text))) return true;
  const words = ctx.folded.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (pending.statementOnly && words > SHORT_WORDS) return false;
  if (
    clauses(text.replace(/[.!?]+/g, ',')).some((c) =>
      WEAK_MARKER.test(c.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(?:and|so|oh|but|also|ok|okay)\s+/, '')),
    ) &&
    !(pending.alsoAsked && answersTheOtherQuestion(ctx))
  )
    return true;
  return !pending.statementOnly && words <= SHORT_WORDS && emojiAnswer(ctx.folded, text);
}

/** The reply holds a piece of the verified account's data that no other record shares (not just a city). */
function speaksOfOwnData(ctx: GuardContext, own: AccountRecord): boolean {
  const others = new Set(ctx.protectedAccounts.flatMap((r) => onFileHits(ctx, r).map((h) => h.piece)));
  return onFileHits(ctx, own).some(
    (h) => !others.has(h.piece) && !['city', 'state', 'country'].includes(h.part),
  );
}

/** The agent asks the customer to check a value back: "Is that correct?", "Did I get that right?". */
const CHECKS_BACK =
  /^(?:(?:and|so|ok|okay|just to check|to confirm)\W+)?(?:is (?:that|this|it|everything) (?:all )?(?:correct|right|accurate)|(?:did|have) i (?:get|got) (?:that|it|this|everything|them) (?:all )?(?:right|correct|down correctly)|(?:can|could) you confirm (?:that|this|it)(?: is (?:right|correct))?|(?:does|did) (?:that|this|it) (?:all )?(?:look|sound) (?:right|correct|ok|okay|good))\s*\??$/;

/**
 * Replies that answer nothing about the data: thanks, holding lines, greetings. "Sure" and "got it"
 * are not among them: after "is my email x?" they read as a yes.
 */
const NON_ANSWER =
  /^(?:thanks?(?: you)?|ty|ok(?:ay)?|noted|one (?:moment|sec(?:ond)?|minute)|just a (?:moment|sec(?:ond)?|minute)|(?:please )?hold on|bear with me|give me a (?:moment|sec(?:ond)?|minute)|let me (?:check|see|look)|checking|sorry|apologies|hi|hello|hey|understood|i understand|i see|good (?:morning|afternoon|evening)|welcome|you'?re welcome)\b/;

/**
 * A few words with an emoji right after a question about the data answer it, whatever the words
 * ("Ho ho ho 🎄" to "is it Dec 24?"). Thanks and holding lines with a smile do not; digits mean the
 * reply is about something else (an order, a price).
 */
function emojiAnswer(folded: string, stripped: string): boolean {
  if (!/\p{Extended_Pictographic}/u.test(stripped) || /\d|\?/.test(folded)) return false;
  return !NON_ANSWER.test(folded.replace(/^[^\p{L}\p{N}]+/u, ''));
}

/** Words that follow "not" without naming anything the customer offered ("not yet", "not sure"). */
const NOT_OBJECT_STOP = new Set(
  `yet sure really now today tomorrow possible available necessary needed required problem here there much many
  all always ever exactly quite too very only just again that this it one you me us him her them a an the my your
  our their at in on from to for with by of any anything something everything enough long far ok okay worried
  allowed able going happy something right correct wrong same different`.split(/\s+/),
);

/** "Not the Denver one", "not Lisbon", "no, not in Salem": naming one of the customer's words to reject it. */
const NOT_TYPED =
  /(?:^|[.!?,;:]\s*|\b(?:no|nope|nah|non|nein|nao|sorry|hmm+|but|and)\W+)(?:it'?s |that'?s |its |thats |it is |that is )?(?:not|nicht|pas|nao|no es|no esta|niet)\s+(?:(?:the|that|this|your|a|an|in|on|at|from|le|la|les|el|em|no|na|im|en|a|au|aux|um|uma)\s+)*(?:(?:one|address|place|city|town)\s+(?:in|on|at|from)\s+)?([\p{L}][\p{L}'.-]+(?:\s+[\p{L}][\p{L}'.-]+)?)(?:\s+(?:one|address|place|city|town|number|e-?mail|card|street|road|flat|house|home|apartment))?\s*(?=[.!,;:]|$)/gu;

/** "The Denver one", "it's the one in Salem": picking one of the customer's words as the one on file. */
const PICKS_TYPED =
  /(?:^|[.!?,;:]\s*)(?:yes,? |yeah,? |yep,? |it'?s |that'?s |its |thats |it is |that is )*(?:the\s+)?(?:(?:one|address|place|city|town)\s+(?:in|on|at|from)\s+([\p{L}][\p{L}'.-]+(?:\s+[\p{L}][\p{L}'.-]+)?)|the\s+([\p{L}][\p{L}'.-]+(?:\s+[\p{L}][\p{L}'.-]+)?)\s+one)(?:\s|\p{Extended_Pictographic}|\u{FE0F})*(?=[.!,;:]|$)/gu;

/** A word the customer typed (not a function word), as the object of a pick or a rejection. */
function typedWord(ctx: GuardContext, phrase: string | undefined): boolean {
  if (!phrase) return false;
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/^['.-]+|['.-]+$/g, ''))
    .some((w) => w.length >= 3 && !NOT_OBJECT_STOP.has(w) && ctx.echoWord(w));
}

/** Rejecting or picking one of the values the customer offered judges their claim, whatever was asked. */
function judgesTypedValue(ctx: GuardContext): boolean {
  if (!ctx.pending.any) return false;
  const text = stripSafe(ctx.folded);
  for (const m of text.matchAll(NOT_TYPED)) if (typedWord(ctx, m[1])) return true;
  for (const m of text.matchAll(PICKS_TYPED)) if (typedWord(ctx, m[1] ?? m[2])) return true;
  return false;
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
      if (MADE_OF.test(c)) return true;
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
    if (judgesClaim(ctx) || (!ctx.unlocked && (judgesTypedValue(ctx) || echoesAsAnswer(ctx)))) {
      return {
        reason: ctx.unlocked
          ? "The message confirms or denies what the customer said about someone else's details, and it is not data of the verified account."
          : `The message confirms or denies what the customer said about their account details, and ${levelReason(ctx)}.`,
        hint: verifyHint(ctx),
      };
    }
    if (!ctx.unlocked && assertsOnFile(ctx)) {
      return {
        reason: `The message describes what is on file for the account, and ${levelReason(ctx)}.`,
        hint: verifyHint(ctx),
      };
    }
    return undefined;
  },
};
