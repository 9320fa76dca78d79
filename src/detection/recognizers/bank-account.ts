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
  // "my bank details are 40-11-62 41738291", "bank info: …"
  'bank\\s+(?:details|info|information)',
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
  // Korean, Japanese, Vietnamese, Indonesian/Malay, Polish, Swedish and Tagalog account words:
  // "환불 계좌 110-482-339017", "振込先口座：4471023", "số tài khoản", "nomor rekening", "numer konta"
  '계좌(?:\\s*번호)?',
  '口座(?:番号)?',
  's[ốo]\\s+t[àa]i\\s+kho[ảa]n',
  'nomor\\s+rekening',
  'numer\\s+(?:konta|rachunku)',
  'kontonummer',
  'bankgiro',
]);
/** "account" alone: a store login as often as a bank account, so it needs more than a bare word. */
const WEAK = wordsRe(['account']);
/** Accounts that are not bank accounts ("customer account 12345678", "amazon account"). */
const NOT_BANK =
  /(?:customer|member(?:ship)?|loyalty|rewards?|prime|user|shop|store|online|amazon|ebay|paypal|netflix|email|google|apple|gaming|game|steam|kundenkonto|kunden|cliente|client|supply|supplier|contract|consumer|student|energy|gas|electric(?:ity)?|utility|utilities|power|water|mobile|phone|billing|library|service|subscriber|prepaid|postpaid|insurance|policy|broadband|klant|kund)\s+$/u;
/** A phone said to be on the account: the number after "account" is that phone. */
const PHONE_ON_ACCOUNT =
  /(?:phone|mobile|cell|landline|telephone|whatsapp)(?:\s+(?:number|no\.?|nr|#))?\s+(?:on|for|in|linked\s+to|registered\s+(?:to|on|with)|attached\s+to|under)\s+(?:my|the|your|our|his|her|their)\s+$/u;
/**
 * Money words: a bank account is where money goes or comes from. Without any of them, in a message about
 * bills, meters, plans or policies, "account 662910043" is the supplier's own account number, which the
 * agent needs to read.
 */
const BANK_CONTEXT =
  /bank|sort\s*code|iban|routing|transfer|money|funds|paisa|paise|rupees|bhej|jama|refund|pay\s*out|payout|payment|paid|pay\s+(?:it|me|into|to)|deposit|debit|cheque|check(?:ing)?|savings|a\/c|ifsc|bsb|swift|bic|wire|salary|allowance|settlement|reimburse|credit(?:ed)?\s+(?:to|into)|take\s+(?:it\s+|the\s+\w+\s+|payments?\s+)?from|taken\s+from|charged?|withdraw|draw\s+from|standing\s+order|konto|cuenta|conta|compte|rekening|계좌|口座|tài khoản/u;
const SERVICE_CONTEXT =
  /bill|meter|reading|tariff|kwh|plan|roaming|data|subscription|library|fine|premium|policy|claim|supply|energy|\bgas\b|electric|install|contract|broadband|\bsim\b|recharge|top.?up/u;
/** Banks whose name, right before or right after a number, makes it an account: "Capitec 1452 8837 61". */
const BANK_NAMES =
  'capitec|fnb|absa|nedbank|standard\\s+bank|tymebank|gtbank|gtb|zenith|access\\s+bank|uba|first\\s+bank|opay|kuda|moniepoint|' +
  'hdfc|icici|sbi|axis|kotak|pnb|canara|shinhan|kookmin|woori|hana|nonghyup|신한|국민|우리|하나|농협|' +
  'bdo|bpi|metrobank|landbank|unionbank|vietcombank|techcombank|bidv|agribank|mbbank|' +
  'chase|barclays|lloyds|natwest|hsbc|santander|monzo|revolut|starling|halifax|nationwide|ing|rabobank|abn\\s+amro|' +
  'sparkasse|commerzbank|nordea|swedbank|seb|handelsbanken|pko\\s+bp|mbank|itaú|itau|bradesco|nubank|caixa';
const BANK_NAME_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${BANK_NAMES})[ \\t]*[:#-]?[ \\t]*(\\d(?:[ -]?\\d){7,19})(?![\\p{N}]|[ -]\\d)`,
  'giu',
);
const BANK_NAME_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N}.-])(\\d(?:[ -]?\\d){7,19})[ \\t]*[(（][ \\t]*(?:${BANK_NAMES})(?:[ \\t]+bank)?[ \\t]*[)）]`,
  'giu',
);
const SORT_CODE =
  /(?<![\p{L}])sort\s*code\s*(?:is|:)?\s*(\d{2}[- ]?\d{2}[- ]?\d{2})(?:\s*(?:,|and|&|\/)?\s*(?:(?:account|acct|acc|a\/c)(?:\s*(?:no|number|#))?\.?\s*(?:is|:)?\s*)?(\d{8}))?(?![\p{N}])/gu;
const SORT_CODE_AND_ACCOUNT =
  /(?<![\p{L}\p{N}./-])\d{2}-\d{2}-\d{2}[ \t]*[,/]?[ \t]*\d{8}(?![\p{N}]|[./-]\d)/gu;
// Hindi/Urdu and Tagalog postpositions too: "isi account me karna: 5010…", "account ko: …"
const PURPOSE =
  /(?:(?:for|to|where|in|at|with|me|mein|mai|pe|par|ko|sa|para)(?:[ \t]+[\p{L}'’]+){0,4}?[ \t]*(?::|[ \t]is(?![\p{L}])|=)|[\p{L}'’]+(?:[ \t]+[\p{L}'’]+){0,2}[ \t]*:)/uy;
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
    for (const re of [BANK_NAME_BEFORE, BANK_NAME_AFTER]) {
      re.lastIndex = 0;
      for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
        const start = m.index + m[0].indexOf(m[1]!);
        const end = start + m[1]!.length;
        if (out.some((f) => f.start < end && start < f.end)) continue;
        // above a bare number's phone reading ("0044 1928 37 (GTBank)" is not dialled from abroad)
        out.push(makeFinding('BANK_ACCOUNT', text, start, end, 0.93, ID, ['bank-name']));
      }
    }
    // "name Tariq Hussain 20-45-77 63019284": a dashed sort code with an eight-digit account is a UK bank
    // account by its shape, wherever it stands, in a message about money
    SORT_CODE_AND_ACCOUNT.lastIndex = 0;
    const sc = lower.includes('-') ? SORT_CODE_AND_ACCOUNT.exec(lower) : null;
    if (sc && BANK_CONTEXT.test(lower)) {
      for (let m: RegExpExecArray | null = sc; m !== null; m = SORT_CODE_AND_ACCOUNT.exec(lower)) {
        const start = m.index;
        const end = start + m[0].length;
        if (out.some((f) => f.start < end && start < f.end)) continue;
        out.push(makeFinding('BANK_ACCOUNT', text, start, end, 0.9, ID, ['sort-code-shape']));
      }
    }
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
  const serviceOnly = !BANK_CONTEXT.test(lower) && SERVICE_CONTEXT.test(lower);
  for (let m = cue.exec(lower); m !== null; m = cue.exec(lower)) {
    const generic = score < 0.8 || /^(?:acc|acct|account)/.test(m[0]);
    if (generic && NOT_BANK.test(lower.slice(Math.max(0, m.index - 20), m.index))) continue;
    // "the phone number on my account 937 555 0153", "the mobile on my account is 07700…": a phone.
    if (generic && PHONE_ON_ACCOUNT.test(lower.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "acct ACC-99120345": the cue is the prefix of the supplier's own account id
    if (/^-\d/.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    // "account number 1102 4488 31. My meter reading …": a supplier account in a message with no money
    if (generic && serviceOnly) continue;
    let at = skipFiller(lower, m.index + m[0].length);
    if (at < 0) continue;
    // "bank account for the refund: 12345678": a short purpose phrase, then the value after ":" or "is".
    if ((score >= 0.8 || BANK_CONTEXT.test(lower)) && !/\d/.test(lower.charAt(at))) {
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
