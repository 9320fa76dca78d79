import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { REFERENCE_CUES } from './support/cues.js';
import { findSpelledRuns } from './support/spelled-digits.js';
import { countDigits, makeFinding, nearestCue } from './support/words.js';

const ID = 'verification-code';

/** "code" unless it is a zip/area/promo/error… code; plus otp, pin, passcode and the de/es/fr words. */
const NOT_OTP =
  'zip|postal|post|area|country|promo|promotional|discount|coupon|voucher|gift|error|sort|dial|dialing|product|bar|qr|tracking|reference|referral|source|status|tax|item|style|colou?r|fault|reason|billing|shipping|swift|bic|iata|airport|region|language|currency';
const CODE_WORD = 'codes?|c[oó]digo';
// The lookbehind sits after the word so it only runs where "code" matched.
const CUE = new RegExp(
  `(?<![a-z0-9\\u00c0-\\u024f])(?:(?:${CODE_WORD})(?<!(?:${NOT_OTP})[\\s-]?(?:${CODE_WORD}))|otp|one[\\s-]?time\\s+(?:pass(?:word|code)?|pin)|2fa|mfa|passcode|token|bestätigungscode|sicherheitscode|verifizierungscode|einmalcode|tan|pin\\s+(?:you\\s+)?(?:sent|texted|emailed)|pin\\s+(?:from|in)\\s+(?:the\\s+)?(?:text|sms|email)|sent\\s+me|texted\\s+me|emailed\\s+me|got\\s+(?:the|a)\\s+(?:text|sms)|verification|verify|confirm(?:ation)?)(?![a-z0-9\\u00c0-\\u024f])`,
  'gu',
);
/** 4–8 digits, optionally split once ("482 913", "4829-1373"). */
const NUMBER = /(?<![\p{L}\p{N}$€£.,:/#-])(?:\d{4,8}|\d{2,4}[ -]\d{2,4})(?![\p{L}\p{N}]|[.,:/ -]\d)/gu;
/** A message that is nothing but a code. */
const ONLY = /^\s*(\d{3,4}[ -]?\d{2,4}|\d{4,8})\s*[.!]?\s*$/;
const YEAR = /^(?:19|20)\d\d$/;
/**
 * A code that opens a parcel locker or pickup point is a delivery detail the agent must read to help
 * ("the locker code 4471-2290 doesn't open it"), not a one-time login code typed back.
 */
const LOCKER =
  /(?<![\p{L}])(?:(?:parcel |package |delivery |amazon |smart )?lockers?|lockbox|lock box|packstation|paketstation|paketbox|parcel ?(?:box|shop|point)|pick-?up (?:point|station|box)|collection point|click and collect|casier|consigne|taquilla|consigna|armadietto|pakketautomaat|paczkomat)(?![\p{L}])/u;

/**
 * Codes typed back after a cue score high. A message that is only digits is scored by length: six
 * digits is the product's OTP length and almost surely a code (0.75); 4–5 digits plausibly a code or a
 * PIN (0.6; years 19xx/20xx 0.4); 7 digits 0.5; 8 digits alone is as likely an order number (0.35).
 */
export const verificationCodeRecognizer: Recognizer = {
  id: ID,
  types: ['VERIFICATION_CODE'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    const only = ONLY.exec(text);
    if (only) {
      const d = only[1]!.replace(/\D/g, '');
      const n = d.length;
      const score =
        n === 6 ? 0.75 : n === 4 || n === 5 ? (YEAR.test(d) ? 0.4 : 0.6) : n === 7 ? 0.5 : n === 8 ? 0.35 : 0;
      if (score > 0) {
        const start = only.index + only[0].indexOf(only[1]!);
        out.push(
          makeFinding('VERIFICATION_CODE', text, start, start + only[1]!.length, score, ID, ['digits-only']),
        );
      }
      return out;
    }
    if (countDigits(text, 4) >= 4) {
      NUMBER.lastIndex = 0;
      for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
        const n = m[0].replace(/\D/g, '').length;
        if (n < 4 || n > 8) continue;
        const start = m.index;
        const end = start + m[0].length;
        const cue = nearestCue(lower, start, end, CUE, REFERENCE_CUES, 40, 25);
        if (!cue.positive) continue;
        if (LOCKER.test(sentenceBefore(lower, start))) continue;
        out.push(
          makeFinding('VERIFICATION_CODE', text, start, end, n === 6 ? 0.92 : 0.85, ID, ['code-context']),
        );
      }
    }
    for (const run of findSpelledRuns(lower, 4)) {
      if (run.digits.length > 8 || run.wordTokens < 2) continue;
      const cue = nearestCue(lower, run.start, run.end, CUE, REFERENCE_CUES, 40, 25);
      if (cue.positive)
        out.push(
          makeFinding('VERIFICATION_CODE', text, run.start, run.end, 0.85, ID, [
            'code-context',
            'spelled-digits',
          ]),
        );
    }
    return out;
  },
};

/** The sentence (up to 80 characters) before a position: a locker named there owns the code after it. */
function sentenceBefore(lower: string, pos: number): string {
  const from = Math.max(0, pos - 80);
  const chunk = lower.slice(from, pos);
  const cut = Math.max(
    chunk.lastIndexOf('. '),
    chunk.lastIndexOf('\n'),
    chunk.lastIndexOf('! '),
    chunk.lastIndexOf('? '),
  );
  return cut >= 0 ? chunk.slice(cut + 1) : chunk;
}
