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
  SAFE_SPANS,
  WEAK_MARKER,
  YES_TO_HELP,
} from '../lexicon.js';
import { onFileHits } from '../fragments.js';
import { fold } from '../../verification/normalize.js';
import { analyzeCustomerTurn } from '../customer-turn.js';
import { clauses, escapeRe, plain, sentences, wordRe } from '../text.js';
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

/** Words too common to tie an answer to a question. */
const GLUE = new Set(
  `about after again also because before being could doesn't don't every from have here into just maybe
  might never other please really should still their there these thing think those through under until
  would your yours which where what when while with without`.split(/\s+/),
);

/**
 * "Can I exchange the jacket? And is my number still the 7710 one?" — "Yes, exchanges are free…": when
 * the customer asked something else in the same message, a yes whose own sentence goes on about that
 * other subject (sharing a word stem with it) and says nothing about identity data answers that one.
 */
function answersTheOtherQuestion(ctx: GuardContext): boolean {
  const texts = ctx.input.customerTexts ?? [];
  const last = texts[texts.length - 1];
  const [first, second] = ctx.sentences;
  if (!last || !first) return false;
  // "Yes! The L is in stock…": a bare first sentence goes on in the next.
  const sentence = plain(
    first.text.split(/\s+/).length < 3 && second ? `${first.text} ${second.text}` : first.text,
  );
  if (IDENTITY_TOPIC.test(sentence)) return false;
  const stems = (t: string) =>
    new Set((t.match(/\p{L}{4,}/gu) ?? []).filter((w) => !GLUE.has(w)).map((w) => w.slice(0, 5)));
  // The customer's sentences split into the other question(s) and the identity claim.
  const other = new Set<string>();
  const claim = new Set<string>();
  // Sentences as typed: capitals tell a street or a name from a word.
  for (const s of sentences(last)) {
    const t = analyzeCustomerTurn(s.text, []);
    for (const st of stems(plain(s.text))) (t.identity === 'none' && t.otherQuestion ? other : claim).add(st);
  }
  const said = [...stems(sentence)];
  return said.some((st) => other.has(st)) && !said.some((st) => claim.has(st) && !other.has(st));
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

/** "is it a 333 or a 347?", "CF11 or SA1?": the alternatives the customer offered. */
const ALTERNATIVES =
  /([\p{L}\p{N}][\p{L}\p{N}'.@-]*)(?:\s+(?:ba|po|ba po|na|hai|ka|ne|ja|right))?\s*\??\s+(?:or|o|ou|oder|of|lub|eller|ya)\s+(?:(?:the|a|an|un|una|uno|um|uma|le|la|el|il|lo|der|die|das|de|het|een|my|your|mi|mon|ma|mein|meine)\s+)?([\p{L}\p{N}][\p{L}\p{N}'.@-]*)/gu;

/** The parts of two values left once their common start and end are taken off. */
function distinguishing(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Back to a token edge: ".com" and ".co.uk" differ as "com" and "co.uk", not "m" and ".uk".
  while (i > 0 && /[\p{L}\p{N}]/u.test(a[i - 1]!)) i--;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  while (j > 0 && /[\p{L}\p{N}]/u.test(a[a.length - j]!)) j--;
  return [
    a.slice(i, a.length - j).replace(/^\W+|\W+$/g, ''),
    b.slice(i, b.length - j).replace(/^\W+|\W+$/g, ''),
  ];
}

/**
 * A short reply that names exactly one of the alternatives the customer just offered picks it as the
 * one on file ("È un 333.").
 */
function picksOffered(ctx: GuardContext): boolean {
  const texts = ctx.input.customerTexts ?? [];
  const last = texts[texts.length - 1];
  if (!last || ctx.folded.split(/\s+/).length > 8) return false;
  for (const m of plain(last).matchAll(ALTERNATIVES)) {
    const [a, b] = [m[1]!, m[2]!].map((w) => w.replace(/[.'-]+$/, ''));
    if (!a || !b || a === b || Math.min(a.length, b.length) < 2) continue;
    // "x@example.co.uk or x@example.com": what tells them apart is what a pick names.
    const [da, db] = distinguishing(a, b);
    const saysA = wordRe(a).test(ctx.folded) || (da.length >= 2 && wordRe(da).test(ctx.folded));
    const saysB = wordRe(b).test(ctx.folded) || (db.length >= 2 && wordRe(db).test(ctx.folded));
    if (saysA !== saysB) return true;
  }
  return false;
}

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

/** Saying back what the customer typed as a note, not as a verdict: "I've noted…", "you wrote…". */
const ECHO_FRAME =
  /\b(?:got it|noted|note|wrote|written|typed|you (?:said|gave|mentioned|told|entered|put)|i have down|got (?:it )?down|as you (?:said|wrote)|anoto|apunto|anotado|j'ai note|note|notiert|annotato|segnato|anotei|anotado|genoteerd|zanotowal\w*)\b/;

/**
 * "They're all coming to Frankston", "Tralee it is": the value the customer offered, said back as
 * what the account holds, answers their question. Their own words are no disclosure, but using them
 * to answer is a confirmation.
 */
function echoesAsAnswer(ctx: GuardContext): boolean {
  const { pending } = ctx;
  if (!pending.any || /\?/.test(ctx.text)) return false;
  const text = stripSafe(ctx.folded);
  if (ECHO_FRAME.test(text)) return false;
  // "Charged to the card ending 8850" after "is it the one ending 8850?": the typed digits, said as
  // the account's, answer the claim.
  const saysTypedDigits = ctx.protectedAccounts.some((r) =>
    onFileHits(ctx, r).some(
      (h) =>
        h.pieceType === 'digits' &&
        (h.kind === 'card' || h.kind === 'phone') &&
        h.piece.length >= 3 &&
        ctx.echoDigits(h.piece) &&
        text.includes(h.piece),
    ),
  );
  if (saysTypedDigits) return true;
  // A whole address said back (with its number) is a neutral echo; a bare place name is a verdict.
  if (/\d/.test(text)) return false;
  const answering = pending.bareAnswersIdentity && !pending.statementOnly;
  return ctx.protectedAccounts.some((r) =>
    onFileHits(ctx, r).some((h) => {
      if (h.kind !== 'address' || h.pieceType !== 'word' || !ctx.echoWord(h.piece)) return false;
      const p = escapeRe(fold(h.piece));
      // "a big change from Denver": the claimed place as where the customer is now, whatever came since.
      if (new RegExp(`\\b(?:change|move|moving|away|far|different) from\\s+(?:the\\s+)?${p}\\b`).test(text))
        return true;
      return answering && placedThere(text, p);
    }),
  );
}

/** "coming to Frankston", "we have you in Leeds", "Ah, Vine Street!": the place as where things are. */
const placedThere = (text: string, p: string): boolean =>
  new RegExp(
    `\\b(?:coming|going|goes|go|went|sent|send|sending|ship\\w*|deliver\\w*|post\\w*|mail\\w*|registered|listed|saved|lives?|lived|living|based|down|you|is|are|'s|still)\\s+(?:\\w+\\s+){0,3}?(?:to|at|in|on)\\s+(?:the\\s+)?${p}\\b`,
  ).test(text) ||
  new RegExp(`(?:^|[.!?]\\s*)(?:(?:ah+|oh+|ooh+|aha|wow)\\W+)?${p}(?:\\s+[\\p{L}.]+){0,2}\\s*!`, 'u').test(
    text,
  );

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
