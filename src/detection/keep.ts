import { PII_ID_CUES } from './recognizers/support/cues.js';
import { cardBrand, IBAN_LENGTHS, ibanMod97, luhn } from './recognizers/support/validators.js';
import { lastCueEnd } from './recognizers/support/words.js';
import type { KeepSpan, ScanInput } from './types.js';

/**
 * Values agents must read: order, tracking, case and product numbers, prices and times. A finding is
 * dropped only when it lies entirely inside one of these spans, so spans are tight (the id itself) and
 * come only from a cue word or an unmistakable format.
 *
 * Two guards keep PII from hiding in a keep span:
 * - a generic-format id (letters + digits, "#12345678") right after a PII cue ("passport", "license",
 *   "account", "card"…) is not kept: "my passport is PN3885748" is a passport, not an order;
 * - an id after an order/tracking cue that is a Luhn-valid card number with a known issuer is not kept
 *   when a card word is near: "order 4111 1111 1111 1111 on my visa" leaves the card to the card
 *   recognizer, which weighs both cues.
 */
interface Rule {
  kind: string;
  re: RegExp;
  /** Span from the start of this capture group (the id) to the end of the match; 0 = whole match. */
  group?: number;
  /** Generic formats: dropped when a PII cue precedes them. */
  generic?: boolean;
}

const B = '(?<![a-z0-9\\u00c0-\\u024f])';
const E = '(?![a-z0-9\\u00c0-\\u024f])';
const LINK =
  '(?:\\s*(?:number|no\\.?|nr\\.?|num|#|id|nummer|número|numero|numéro|n°|nº))?(?:\\s*(?:is|was|:|ist|es|est))?\\s*';
/** An id: optional '#', letters/digits/dashes, at least three digits somewhere (checked in code). */
const IDV = '(#?[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){3,30})';

const ORDER_CUES =
  'orders?|ord|purchase|bestellung(?:en)?|bestellnummer|bestell-?nr|auftrag|auftragsnummer|pedidos?|commandes?|invoice|receipt|rechnung|factura|facture';
const TRACK_CUES =
  'tracking|track|shipment|package|parcel|consignment|waybill|awb|sendung|sendungsnummer|paket|paquete|env[íi]o|seguimiento|colis|suivi';
const CASE_CUES =
  'case|ticket|rma|incident|claim|complaint|reference|ref|request|return|inquiry|vorgang|vorgangsnummer|reklamation|fall|caso|incidencia|reclamaci[óo]n|dossier|r[ée]clamation|demande|r[ée]f[ée]rence';
const SKU_CUES =
  'sku|asin|item|model|part|product|article|artikel|art\\.-?nr|art[íi]culo|mod[eè]le|isbn|upc|ean';

const CURRENCY_SYM = '[$€£¥₹]';
const AMOUNT = '\\d{1,3}(?:[,.  ]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
const CURRENCY_WORD =
  'dollars?|usd|us\\$|eur|euros?|gbp|pounds?|quid|bucks|cents?|chf|francs?|cad|aud|pesos?|mxn|inr|rupees?|yen|jpy';

const RULES: readonly Rule[] = [
  { kind: 'ORDER', re: new RegExp(`${B}(?:${ORDER_CUES})${E}${LINK}${IDV}${E}`, 'gu'), group: 1 },
  { kind: 'ORDER', re: new RegExp(`${B}#?\\d{3}-\\d{7}-\\d{7}${E}`, 'gu') },
  // "po1234567" is also a passport shape: after a PII cue it is not kept
  { kind: 'ORDER', re: new RegExp(`${B}#?(?:ord|order|so|po|inv)[-_#]?\\d{4,14}${E}`, 'gu'), generic: true },
  { kind: 'ORDER', re: new RegExp(`${B}#?[a-z]{1,2}-?\\d{6,12}${E}`, 'gu'), generic: true },
  { kind: 'ORDER', re: new RegExp(`(?<![\\p{L}\\p{N}#])#\\d{4,14}${E}`, 'gu'), generic: true },
  { kind: 'TRACKING', re: new RegExp(`${B}1z[a-z0-9]{16}${E}`, 'gu') },
  // USPS: not the tail of a longer digit run ("4000 0000 9200 0001 …" is two cards typed back to back)
  {
    kind: 'TRACKING',
    re: new RegExp(`${B}(?<!\\d[ -])9[2-5]\\d{2}(?: ?\\d{4}){4} ?\\d{2}(?:\\d{2})?${E}`, 'gu'),
  },
  { kind: 'TRACKING', re: new RegExp(`${B}tba\\d{9,14}${E}`, 'gu') },
  {
    kind: 'TRACKING',
    re: new RegExp(`${B}[a-z]{2}\\d{9}(?:gb|us|de|fr|es|cn|nl|ca|au|it|ch|at|be|se|pl|jp)${E}`, 'gu'),
  },
  {
    kind: 'TRACKING',
    re: new RegExp(`${B}(?:${TRACK_CUES})${E}${LINK}(#?[a-z0-9]*\\d[a-z0-9]*(?:[ -]\\d{2,}){0,6})${E}`, 'gu'),
    group: 1,
  },
  { kind: 'CASE', re: new RegExp(`${B}(?:rma|case|ticket|inc|cs|sr)[-#]\\d{3,14}${E}`, 'gu') },
  { kind: 'CASE', re: new RegExp(`${B}(?:${CASE_CUES})${E}${LINK}${IDV}${E}`, 'gu'), group: 1 },
  { kind: 'SKU', re: new RegExp(`${B}b0[a-z0-9]{8}${E}`, 'gu') },
  { kind: 'SKU', re: new RegExp(`${B}(?:${SKU_CUES})${E}${LINK}${IDV}${E}`, 'gu'), group: 1 },
  {
    kind: 'PRICE',
    re: new RegExp(
      `(?:${B}(?:usd|eur|gbp|chf|cad|aud|us\\$|ca\\$|a\\$)\\s?|${CURRENCY_SYM}\\s?)(?:${AMOUNT})${E}`,
      'gu',
    ),
  },
  {
    kind: 'PRICE',
    re: new RegExp(`${B}(?:${AMOUNT})\\s?(?:${CURRENCY_SYM}|(?:${CURRENCY_WORD})${E})`, 'gu'),
  },
  {
    kind: 'TIME',
    re: new RegExp(
      `${B}(?:[01]?\\d|2[0-3])(?:[:.h][0-5]\\d)?\\s?(?:a\\.?m\\.?|p\\.?m\\.?|uhr|h)(?![\\p{L}])`,
      'gu',
    ),
  },
  { kind: 'TIME', re: new RegExp(`${B}(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?![\\p{N}]|:\\d)`, 'gu') },
];

/**
 * Device and supply-point identifiers the agent must read: meter numbers and serials, IMEI and ICCID, UK MPAN/MPRN, Brazilian "instalação". Digits in groups, or letters and digits.
 */
const DEVICE_CUES =
  'meter(?:\\s+(?:serial|no|number|id))?|imei|iccid|sim\\s+(?:no|number|serial)|mpan|mprn|serial(?:\\s+(?:no|number))?|s/n|instala[çc][ãa]o|z[äa]hler(?:nummer)?|licznik';
const DEVICE_RULE = new RegExp(
  `${B}(?:${DEVICE_CUES})${E}${LINK}([a-z0-9]*\\d[a-z0-9]*(?:[ -][a-z0-9]*\\d[a-z0-9]*){0,5})${E}`,
  'gu',
);
/** A prepaid electricity (STS) token: twenty digits in five groups of four, in a message about power. */
const STS_TOKEN = new RegExp(`${B}\\d{4}(?:[ -]\\d{4}){4}${E}`, 'gu');
/**
 * Service numbers after the service's own word: an insurance policy, a utility's consumer or contract
 * number, "お客さま番号", "証券番号". Kept even when shaped like an SSN or a phone: "policy 441-02-2881" is
 * what the customer's insurer printed, and the cue binds it.
 */
const SERVICE_RULE = new RegExp(
  `(?:${B}(?:policy|polisa|p[óo]liza|ap[óo]lice|consumer|contract|supply|klantnummer|kundennummer|kundnummer|kundnr)${E}${LINK}|(?:お客さま番号|お客様番号|契約番号|証券番号|会員番号|予約番号|注文番号|고객번호|계약번호|증권번호|예약번호|주문번호)[ \\t:：]*)(\\d[\\d -]{4,20}\\d)${E}`,
  'gu',
);
/** "VPN client 5.1.3.2", "firmware 2.10.4.1": a four-part version number is not an IP address. */
const VERSION_QUAD = new RegExp(
  `${B}(?:version|ver|v|build|firmware|release|client|app)\\.?\\s*v?(\\d{1,2}\\.\\d{1,2}\\.\\d{1,3}\\.\\d{1,4})${E}(?!\\.\\d)`,
  'gu',
);

function lookalikes(lower: string, spans: KeepSpan[]): void {
  // A 20-digit token only in a message about prepaid power: elsewhere the same run is two values typed
  // back to back (a postcode and a card).
  const sts = /token|meter|electricity|prepaid|kwh|units/.test(lower);
  for (const [kind, re] of [
    ['CODE', DEVICE_RULE],
    ['CODE', sts ? STS_TOKEN : null],
    ['CASE', SERVICE_RULE],
    ['VERSION', VERSION_QUAD],
  ] as const) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const id = m[1] ?? m[0];
      const end = m.index + m[0].length;
      const start = end - id.length;
      if (id.replace(/\D/g, '').length < 4) continue;
      if (isIban(lower.slice(start, end))) continue;
      spans.push({ kind, start, end });
    }
  }
}

const CARD_WORDS = /card|visa|master|amex|credit|debit|karte|tarjeta|carte/;

/**
 * "the tracking number is one z nine nine nine a a one oh one …": a reference read aloud to voice-to-text,
 * digit words and single letters after a tracking/order/case cue. Six tokens at least, four of them digit
 * words; it stops at the first other word.
 */
const SPOKEN_TOKEN = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|[a-z])';
const SPOKEN_REF = new RegExp(
  `${B}(?:${ORDER_CUES}|${TRACK_CUES}|${CASE_CUES})${E}${LINK}(${SPOKEN_TOKEN}(?:[ \\t,-]+${SPOKEN_TOKEN}){5,40})${E}`,
  'gu',
);
/** Cheap gate: two digit words in a row, which ordinary prose seldom has. */
const TWO_SPOKEN_DIGITS =
  /(?<![a-z])(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[ \t,-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)(?![a-z])/;
const TRACK_START = new RegExp(`^(?:${TRACK_CUES})`);
const SPOKEN_DIGIT = /(?<![a-z])(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![a-z])/g;

function spokenReferences(lower: string, spans: KeepSpan[]): void {
  if (!TWO_SPOKEN_DIGITS.test(lower)) return;
  SPOKEN_REF.lastIndex = 0;
  for (let m = SPOKEN_REF.exec(lower); m !== null; m = SPOKEN_REF.exec(lower)) {
    const id = m[1]!;
    if ((id.match(SPOKEN_DIGIT)?.length ?? 0) < 4) continue;
    const end = m.index + m[0].length;
    const start = end - id.length;
    const kind = TRACK_START.test(m[0]) ? 'TRACKING' : 'ORDER';
    spans.push({ kind, start, end });
  }
}

export function findKeepSpans(input: ScanInput): KeepSpan[] {
  const { lower } = input;
  const spans: KeepSpan[] = [];
  spokenReferences(lower, spans);
  if (!/\d/.test(lower)) return spans;
  lookalikes(lower, spans);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(lower); m !== null; m = rule.re.exec(lower)) {
      const end = m.index + m[0].length;
      const id = rule.group ? m[rule.group]! : m[0];
      const start = end - id.length;
      if (rule.group && !idLooksLikeReference(id, lower, start, end)) continue;
      if (rule.generic && lastCueEnd(lower, start, PII_ID_CUES, 45) >= 0) continue;
      if (isIban(lower.slice(start, end))) continue;
      spans.push({ kind: rule.kind, start, end });
    }
  }
  return spans;
}

/** Cue-introduced ids must carry digits and must not be a phone, SSN or a card with card words around. */
function idLooksLikeReference(id: string, lower: string, start: number, end: number): boolean {
  const digits = id.replace(/\D/g, '');
  if (digits.length < 3) return false;
  if (/^\d{3}-\d{3}-\d{4}$|^\d{3}-\d{2}-\d{4}$/.test(id)) return false;
  if (digits.length >= 13 && digits.length <= 19 && luhn(digits) && cardBrand(digits)) {
    const near = lower.slice(Math.max(0, start - 40), Math.min(lower.length, end + 30));
    if (CARD_WORDS.test(near)) return false;
  }
  return true;
}

/** An IBAN is personal data whatever cue precedes it; it never becomes a reference to keep. */
function isIban(s: string): boolean {
  const compact = s.replace(/[\s-]/g, '').toUpperCase();
  return IBAN_LENGTHS[compact.slice(0, 2)] === compact.length && ibanMod97(compact);
}
