import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { REFERENCE_CUES } from './support/cues.js';
import { findSpelledRuns } from './support/spelled-digits.js';
import { ssnValid } from './support/validators.js';
import { anaphoricValueAt, readAt, skipFiller } from './support/cued-value.js';
import { countDigits, lastCueEnd, makeFinding, nearestCue, wordsRe } from './support/words.js';

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
const REFERENCE_NEGATIVE = new RegExp(REFERENCE_CUES.source, 'gu');

/** "last four of my social are 1234", "ssn ends in 1234", "last 4 digits of ssn: 1234". */
const LAST_FOUR =
  /(?<![\p{L}])(?:(?:last|final)\s+(?:4|four)(?:\s+digits)?\s+(?:of\s+)?(?:my\s+|the\s+)?(?:ssn|social(?:\s+security)?(?:\s+(?:number|no|#))?)|(?:ssn|social(?:\s+security)?(?:\s+(?:number|no))?)\s+(?:ends|ending)\s+(?:in|with)|(?:ssn|social)\s+last\s+(?:4|four))\s*(?:is|are|=|:|-)?\s*(\d{4})(?!\d)/gu;

/**
 * European social security numbers have national shapes (French NIR 15 digits, Spanish NSS 12, Dutch
 * BSN 9, Belgian NISS 11, German SV-Nummer with a letter), so the cue decides and the value is a run of
 * 9–15 digits, optionally grouped, or the German 12-character form.
 */
const NATIONAL_CUE = wordsRe([
  'seguridad\\s+social',
  's[ée]curit[ée]\\s+sociale',
  'segurança\\s+social',
  'previdenza\\s+sociale',
  'sozialversicherungs?(?:nummer|-?nr\\.?)',
  'rentenversicherungsnummer',
  'sv-?nummer',
  'burgerservicenummer',
  'bsn',
  'sofinummer',
  'niss',
  'nir',
  'nss',
  'insee',
  'national\\s+insurance(?:\\s+(?:no|number))?',
  'ni\\s+(?:no|number)',
  // Canada's Social Insurance Number (SIN, written in capitals: "sin" is Spanish for "without") and
  // Brazil's CPF: "CPF 412.887.301-52"
  'social\\s+insurance(?:\\s+(?:no|number))?',
  'sin',
  'cpf',
]);
const NATIONAL_VALUE =
  /(?:\d(?:[ .-]?\d){8,14}|\d{2}\s?\d{6}\s?[a-z]\s?\d{3}|[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d])(?![\p{L}\p{N}])/uy;

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
    if (digits >= 6) national(text, lower, out);
    if (digits >= 9) anaphoric(text, lower, out);
    spelled(text, lower, out);
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
        // The canonical 123-45-6789 shape stays masked next to a word like "card" or "phone" (that word
        // usually belongs to another value nearby); only order/tracking/case references overrule it.
        const byReference = nearestCue(lower, start, end, POSITIVE, REFERENCE_NEGATIVE, 40, 15).negative;
        score -= sep === '-' && !byReference ? 0.2 : 0.4;
        reasons.push('reference-context');
      }
      out.push(makeFinding('SSN', text, start, end, Math.min(score, 0.97), ID, reasons));
    }
    return out;
  },
};

function national(text: string, lower: string, out: Finding[]): void {
  NATIONAL_CUE.lastIndex = 0;
  for (let m = NATIONAL_CUE.exec(lower); m !== null; m = NATIONAL_CUE.exec(lower)) {
    if (m[0] === 'sin' && text.slice(m.index, m.index + 3) !== 'SIN') continue;
    let at = skipFiller(lower, m.index + m[0].length);
    let v = at < 0 ? null : readAt(NATIONAL_VALUE, lower, at);
    // "it wants my SIN, is that safe? it's 046 454 286": the value a clause on
    if (!v) {
      at = anaphoricValueAt(lower, m.index + m[0].length);
      v = at < 0 ? null : readAt(NATIONAL_VALUE, lower, at);
    }
    if (!v) continue;
    const end = at + v[0].length;
    if (out.some((f) => f.start < end && at < f.end)) continue;
    out.push(makeFinding('SSN', text, at, end, 0.9, ID, ['national-ssn']));
  }
}

/** One valid SSN shape at `pos`: "612723243", "612-72-3243". */
const SSN_AT = /(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\p{N}]|[-./]\d)/uy;

/** "SSN last four only? no, here is the full one 612723243": the cue names a value a sentence on. */
function anaphoric(text: string, lower: string, out: Finding[]): void {
  POSITIVE.lastIndex = 0;
  for (let m = POSITIVE.exec(lower); m !== null; m = POSITIVE.exec(lower)) {
    const at = anaphoricValueAt(lower, m.index + m[0].length);
    if (at < 0) continue;
    const v = readAt(SSN_AT, text, at);
    if (!v || !ssnValid(v[1]!, v[3]!, v[4]!)) continue;
    const end = at + v[0].length;
    if (out.some((f) => f.start < end && at < f.end)) continue;
    out.push(makeFinding('SSN', text, at, end, 0.9, ID, ['ssn-context']));
  }
}

/** "social is four two seven one one eight three zero five": nine spoken digits right after an SSN cue. */
function spelled(text: string, lower: string, out: Finding[]): void {
  for (const run of findSpelledRuns(lower, 9)) {
    if (run.digits.length !== 9 || run.wordTokens < 5) continue;
    if (!ssnValid(run.digits.slice(0, 3), run.digits.slice(3, 5), run.digits.slice(5))) continue;
    if (lastCueEnd(lower, run.start, POSITIVE, 30) < 0) continue;
    out.push(makeFinding('SSN', text, run.start, run.end, 0.9, ID, ['spelled-digits', 'ssn-context']));
  }
}
