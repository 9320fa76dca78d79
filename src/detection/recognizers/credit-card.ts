import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { REFERENCE_CUES } from './support/cues.js';
import { findSpelledRuns } from './support/spelled-digits.js';
import { cardBrand, luhn } from './support/validators.js';
import { countDigits, lastCueEnd, makeFinding, nearestCue, nextCueStart, wordsRe } from './support/words.js';

const ID = 'credit-card';

/**
 * A run of digit groups joined by single spaces/dashes (two spaces tolerated: "5100  4724"), dots as some
 * cards are printed ("4916.3385.1122.0047"), or one line break where a phone or chat window wrapped it.
 */
const RUN = /(?<![\p{L}\p{N}.,$€£-])\d+(?:(?: {1,2}|-| - |\.(?=\d))\d+)*/gu;
const WRAPPED = /(?<![\p{L}\p{N}.,$€£-])\d+(?:[ -]\d+)*[ \t]*\r?\n[ \t]*\d+(?:[ -]\d+)*/gu;
const GROUP = /\d+/g;

const POSITIVE = wordsRe([
  'card',
  'cards',
  'credit',
  'debit',
  'visa',
  'mastercard',
  'master\\s*card',
  'amex',
  'american\\s+express',
  'discover',
  'diners',
  'jcb',
  'unionpay',
  'maestro',
  'cc',
  'pan',
  'karte',
  'kreditkarte',
  'kartennummer',
  'tarjeta',
  'carte',
  'cb',
  'pay(?:ing)?\\s+with',
  'charged?',
]);

/**
 * Luhn + issuer range is the backbone: ~1 in 30 random 16-digit numbers pass both, so a bare valid
 * number scores just above the threshold, card words raise it, and order/tracking words next to it
 * drop it below (unless a card word is nearer).
 */
export const creditCardRecognizer: Recognizer = {
  id: ID,
  types: ['CREDIT_CARD'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    spelled(text, lower, out);
    if (countDigits(text, 13) < 13) return out;
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
      if (m[0].length < 13) continue;
      const groups: { s: number; e: number; d: string }[] = [];
      GROUP.lastIndex = 0;
      for (let g = GROUP.exec(m[0]); g !== null; g = GROUP.exec(m[0])) {
        groups.push({ s: m.index + g.index, e: m.index + g.index + g[0].length, d: g[0] });
      }
      const hit = bestWindow(groups);
      if (!hit) continue;
      const { start, end, whole, digits } = hit;
      if (/\d/.test(text[end] ?? '')) continue;
      let score = whole ? 0.75 : 0.6;
      if (digits.length === 16 && groups.length === 4) score += 0.05;
      const reasons: string[] = [cardBrand(digits) ?? 'card'];
      // Any card word around outweighs a reference word: "order #4111… on my visa" is a card.
      const cardWord =
        lastCueEnd(lower, start, POSITIVE, 40) >= 0 || nextCueStart(lower, end, POSITIVE, 30) >= 0;
      const cue = cardWord
        ? { positive: true, negative: false }
        : nearestCue(lower, start, end, POSITIVE, REFERENCE_CUES, 40, 15);
      if (cue.positive) {
        score += 0.2;
        reasons.push('card-context');
      } else if (cue.negative) {
        score -= 0.35;
        reasons.push('reference-context');
      }
      out.push(makeFinding('CREDIT_CARD', text, start, end, score, ID, reasons));
    }
    if (text.includes('\n')) wrapped(text, lower, out);
    return out;
  },
};

/** The longest run of whole groups (13–19 digits) that is Luhn-valid with a known issuer prefix. */
function bestWindow(
  groups: readonly { s: number; e: number; d: string }[],
): { start: number; end: number; whole: boolean; digits: string } | undefined {
  let best: { start: number; end: number; whole: boolean; digits: string } | undefined;
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]!.d;
      if (digits.length > 19) break;
      if (digits.length < 13) continue;
      if (!luhn(digits) || !cardBrand(digits)) continue;
      if (!best || digits.length > best.digits.length) {
        best = { start: groups[i]!.s, end: groups[j]!.e, whole: i === 0 && j === groups.length - 1, digits };
      }
    }
  }
  return best;
}

/**
 * "card number is 4532 7153\n8201 6642": a number a phone or chat window wrapped over two lines. Two short
 * numbers on consecutive lines can pass Luhn by chance, so a card word must sit right before it and the
 * valid window must cross the line break.
 */
function wrapped(text: string, lower: string, out: Finding[]): void {
  WRAPPED.lastIndex = 0;
  for (let m = WRAPPED.exec(text); m !== null; m = WRAPPED.exec(text)) {
    const groups: { s: number; e: number; d: string }[] = [];
    GROUP.lastIndex = 0;
    for (let g = GROUP.exec(m[0]); g !== null; g = GROUP.exec(m[0])) {
      groups.push({ s: m.index + g.index, e: m.index + g.index + g[0].length, d: g[0] });
    }
    const hit = bestWindow(groups);
    if (!hit || !text.slice(hit.start, hit.end).includes('\n') || /\d/.test(text[hit.end] ?? '')) continue;
    if (lastCueEnd(lower, hit.start, POSITIVE, 40) < 0) continue;
    if (out.some((f) => f.start < hit.end && hit.start < f.end && f.end - f.start >= hit.end - hit.start))
      continue;
    out.push(
      makeFinding('CREDIT_CARD', text, hit.start, hit.end, 0.85, ID, [
        cardBrand(hit.digits)!,
        'line-wrapped',
      ]),
    );
  }
}

/** "the card number is four one one one …": a spoken, Luhn-valid number right after a card word. */
function spelled(text: string, lower: string, out: Finding[]): void {
  for (const run of findSpelledRuns(lower, 13)) {
    if (run.digits.length > 19 || run.wordTokens < 8) continue;
    if (!luhn(run.digits) || !cardBrand(run.digits)) continue;
    if (lastCueEnd(lower, run.start, POSITIVE, 40) < 0) continue;
    out.push(
      makeFinding('CREDIT_CARD', text, run.start, run.end, 0.9, ID, [
        cardBrand(run.digits)!,
        'spelled-digits',
      ]),
    );
  }
}
