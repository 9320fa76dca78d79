import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { REFERENCE_CUES } from './support/cues.js';
import { ssnValid } from './support/validators.js';
import { countDigits, makeFinding, nearestCue, wordsRe } from './support/words.js';

const ID = 'ssn';

/** 3-2-4 with one consistent separator, or a bare 9-digit run. */
const SSN = /(?<![\p{L}\p{N}$€£.,/-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\p{N}]|[-./]\d)/gu;
const POSITIVE = wordsRe([
  'ssn',
  'ssns',
  'social',
  'social\\s+security(?:\\s+(?:no|number|#))?',
  'soc\\s+sec',
  'ss#',
  'ss\\s*no',
  'itin',
  'tin',
  'taxpayer',
  'tax\\s+id',
]);
const NEGATIVE = new RegExp(
  `${REFERENCE_CUES.source}|(?<![\\p{L}\\p{N}])(?:phone|mobile|cell|call|account|acct|routing|passport|license|card|zip)(?![\\p{L}\\p{N}])`,
  'gu',
);
/** "last four of my social are 1234", "ssn ends in 1234", "last 4 digits of ssn: 1234". */
const LAST_FOUR =
  /(?<![\p{L}])(?:(?:last|final)\s+(?:4|four)(?:\s+digits)?\s+(?:of\s+)?(?:my\s+|the\s+)?(?:ssn|social(?:\s+security)?(?:\s+(?:number|no|#))?)|(?:ssn|social(?:\s+security)?(?:\s+(?:number|no))?)\s+(?:ends|ending)\s+(?:in|with)|(?:ssn|social)\s+last\s+(?:4|four))\s*(?:is|are|=|:|-)?\s*(\d{4})(?!\d)/gu;

export const ssnRecognizer: Recognizer = {
  id: ID,
  types: ['SSN'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    const digits = countDigits(text, 9);
    if (digits >= 4 && (lower.includes('ssn') || lower.includes('social') || lower.includes('last'))) {
      LAST_FOUR.lastIndex = 0;
      for (let m = LAST_FOUR.exec(lower); m !== null; m = LAST_FOUR.exec(lower)) {
        const end = m.index + m[0].length;
        if (m[0].includes('   ')) continue;
        out.push(makeFinding('SSN', text, end - 4, end, 0.9, ID, ['last-four']));
      }
    }
    if (digits < 9) return out;
    SSN.lastIndex = 0;
    for (let m = SSN.exec(text); m !== null; m = SSN.exec(text)) {
      if (!ssnValid(m[1]!, m[3]!, m[4]!)) continue;
      const start = m.index;
      const end = start + m[0].length;
      const sep = m[2]!;
      const cue = nearestCue(lower, start, end, POSITIVE, NEGATIVE, 40, 15);
      // 123-45-6789 is the canonical shape; spaced/dotted ones also fit other data; bare nine digits
      // are as likely a zip+4, an account or an order number.
      let score = sep === '-' ? 0.75 : sep === '' ? 0.25 : 0.55;
      const reasons: string[] = [];
      if (cue.positive) {
        score += sep === '' ? 0.65 : 0.2;
        reasons.push('ssn-context');
      } else if (cue.negative) {
        score -= 0.4;
        reasons.push('reference-context');
      }
      out.push(makeFinding('SSN', text, start, end, Math.min(score, 0.97), ID, reasons));
    }
    return out;
  },
};
