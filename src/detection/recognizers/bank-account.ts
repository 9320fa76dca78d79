import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { readAt, skipFiller } from './support/cued-value.js';
import { findSpelledRuns, spelledRunAt } from './support/spelled-digits.js';
import { countDigits, makeFinding, wordsRe } from './support/words.js';

const ID = 'bank-account';

/** Cues that name a bank account outright. */
const STRONG = wordsRe([
  'acct',
  // money moved into a numbered account: "deposit it into 12345678", "pay the refund into 12345678"
  '(?:(?:deposit(?:ed)?|credit(?:ed)?|transfer(?:red)?|wire[d]?|lodge[d]?)|(?:pa(?:y|id)|put|send|sent)(?=.{0,40}?into))(?:\\s+(?:it|them|this|that|the\\s+(?:money|refund|funds|amount|balance|payment)|funds|my\\s+refund))?\\s+(?:in)?to(?:\\s+(?:my|our|the))?(?:\\s+(?:bank|checking|savings|current))?(?:\\s+(?:account|acct|a/c))?',
  // "acc 12345678": the abbreviation alone; the value still has to be a long digit run
  'acc\\.?',
  'acc(?:t)?\\.?\\s*(?:no|nr|number|num|#)',
  'a/c',
  'account\\s*(?:no|nr|number|num|#)',
  'bank\\s+account(?:\\s*(?:no|number|#))?',
  'bank\\s+acct',
  '(?:checking|savings|current|deposit)(?:\\s+(?:account|acct))?(?:\\s*(?:no|number|#))?',
  'routing(?:\\s*(?:no|number|#))?',
  'aba(?:\\s*(?:no|number|#))?',
  'bsb',
  'kontonummer',
  'kontonr',
  'konto(?:\\s*(?:nr|nummer))?',
  'bankkonto',
  // "Girokonto 12345678", "Sparkonto …", "Gehaltskonto …"
  '(?:giro|spar|tagesgeld|gehalts|privat|geschäfts)konto(?:nummer)?',
  'bankverbindung',
  // German bank code, asked for next to the Kontonummer
  'blz',
  'bankleitzahl',
  'rekening(?:nummer|nr)?',
  'bankrekening(?:nummer)?',
  'n[úu]mero\\s+(?:di|da|de)\\s+conta?',
  'conto(?:\\s+corrente|\\s+bancario)?',
  'conta(?:\\s+banc[aá]ria|\\s+corrente)?',
  'n[úu]mero\\s+de\\s+cuenta',
  'cuenta(?:\\s+bancaria|\\s+corriente|\\s+de\\s+ahorros)?',
  'n(?:[°º]|uméro|umero)\\s+de\\s+compte',
  'compte(?:\\s+bancaire|\\s+courant)?',
  'rib',
]);
/** "account" alone: a store login as often as a bank account, so it needs more than a bare word. */
const WEAK = wordsRe(['account']);
/** Accounts that are not bank accounts ("customer account 12345678", "amazon account"). */
const NOT_BANK =
  /(?:customer|member(?:ship)?|loyalty|rewards?|prime|user|shop|store|online|amazon|ebay|paypal|netflix|email|google|apple|gaming|game|steam|kundenkonto|kunden|cliente|client)\s+$/u;
const SORT_CODE =
  /(?<![\p{L}])sort\s*code\s*(?:is|:)?\s*(\d{2}[- ]?\d{2}[- ]?\d{2})(?:\s*(?:,|and|&|\/)?\s*(?:(?:account|acct|acc|a\/c)(?:\s*(?:no|number|#))?\.?\s*(?:is|:)?\s*)?(\d{8}))?(?![\p{N}])/gu;
const PURPOSE = /(?:for|to|where|in|at|with)(?:[ \t]+[\p{L}'’]+){0,4}?[ \t]*(?::|[ \t]is(?![\p{L}])|=)/uy;
/** 6–23 digits (French RIB 23, Spanish CCC 20), optionally grouped by single spaces or dashes. */
const VALUE = /\d(?:[ -]?\d){5,22}(?![\p{N}]|[ -]\d)/uy;

export const bankAccountRecognizer: Recognizer = {
  id: ID,
  types: ['BANK_ACCOUNT'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    if (countDigits(text, 6) < 6) {
      if (findSpelledRuns(lower, 6).length > 0) scan(STRONG, 0.88, text, lower, out);
      return out;
    }
    scan(STRONG, 0.88, text, lower, out);
    scan(WEAK, 0.62, text, lower, out);
    if (lower.includes('sort')) {
      SORT_CODE.lastIndex = 0;
      for (let m = SORT_CODE.exec(lower); m !== null; m = SORT_CODE.exec(lower)) {
        const end = m.index + m[0].length;
        const start = m.index + m[0].indexOf(m[1]!);
        out.push(makeFinding('BANK_ACCOUNT', text, start, end, 0.9, ID, ['sort-code']));
      }
    }
    return out;
  },
};

function scan(cue: RegExp, score: number, text: string, lower: string, out: Finding[]): void {
  cue.lastIndex = 0;
  for (let m = cue.exec(lower); m !== null; m = cue.exec(lower)) {
    if (score < 0.8 && NOT_BANK.test(lower.slice(Math.max(0, m.index - 20), m.index))) continue;
    let at = skipFiller(lower, m.index + m[0].length);
    if (at < 0) continue;
    // "bank account for the refund: 12345678": a short purpose phrase, then the value after ":" or "is".
    if (score >= 0.8 && !/\d/.test(lower.charAt(at))) {
      const purpose = readAt(PURPOSE, lower, at);
      if (purpose) at = skipFiller(lower, at + purpose[0].length);
      if (at < 0) continue;
    }
    const v = readAt(VALUE, lower, at);
    // Dictated to voice-to-text: "account number is three one nine two six eight one nine"
    const spoken = v ? undefined : score >= 0.8 ? spelledRunAt(lower, at, 6, 4) : undefined;
    if (!v && !(spoken && spoken.digits.length <= 23)) continue;
    const start = at;
    const end = v ? at + v[0].length : spoken!.end;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    out.push(makeFinding('BANK_ACCOUNT', text, start, end, score, ID, [m[0].trim()]));
  }
}
