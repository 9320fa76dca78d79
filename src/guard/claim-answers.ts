import type { GuardContext } from './context.js';
import { analyzeCustomerTurn } from './customer-turn.js';
import { onFileHits } from './fragments.js';
import { IDENTITY_TOPIC, SAFE_SPANS } from './lexicon.js';
import { fold } from '../verification/normalize.js';
import { escapeRe, plain, sentences, wordRe } from './text.js';

/**
 * How an answer can judge a claim without a judging word: by picking one of the customer's
 * alternatives, by saying a typed value back as the account's, or (the opposite) by answering the
 * other question the customer asked in the same breath. Used by the confirmation rule.
 */

/** Refusals and verification talk taken out before judging words are looked for. */
export const stripSafe = (s: string): string => SAFE_SPANS.reduce((acc, re) => acc.replace(re, ' '), s);

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
export function answersTheOtherQuestion(ctx: GuardContext): boolean {
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
export function picksOffered(ctx: GuardContext): boolean {
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

/** Saying back what the customer typed as a note, not as a verdict: "I've noted…", "you wrote…". */
const ECHO_FRAME =
  /\b(?:got it|noted|note|wrote|written|typed|you (?:said|gave|mentioned|told|entered|put)|i have down|got (?:it )?down|as you (?:said|wrote)|anoto|apunto|anotado|j'ai note|note|notiert|annotato|segnato|anotei|anotado|genoteerd|zanotowal\w*)\b/;

/**
 * "They're all coming to Frankston", "Tralee it is": the value the customer offered, said back as
 * what the account holds, answers their question. Their own words are no disclosure, but using them
 * to answer is a confirmation.
 */
export function echoesAsAnswer(ctx: GuardContext): boolean {
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
