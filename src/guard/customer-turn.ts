import type { OnFileKind } from '../core/account.js';
import type { Finding } from '../core/finding.js';
import { CLAIM_TYPES } from '../verification/claims.js';
import { plain, sentences } from './text.js';
import type { CustomerTurn } from './types.js';

/** Words that name a kind of identity data. "number" alone is usually an order or tracking number. */
const TOPICS: readonly [OnFileKind, RegExp][] = [
  ['email', /\b(?:e-?mail|email address|e-?mail address)\b/],
  [
    'phone',
    /\b(?:phone|mobile|cell|telephone|landline|(?<!(?:order|tracking|case|ticket|model|serial|item|reference|confirmation|invoice|account|part|sku|track)\s)number(?! of))\b/,
  ],
  ['address', /\b(?:address|street|zip|post ?code|postal code|live at|living at|moved)\b/],
  ['dateOfBirth', /\b(?:birthday|birth ?date|date of birth|dob|born)\b/],
  ['card', /\b(?:card|visa|mastercard|amex|ending in|last (?:four|4) digits)\b/],
  ['name', /\b(?:name on (?:the |my )?account|account (?:holder|name)|my (?:full |last |first )?name)\b/],
];

/** The customer asks for a judgement or a reveal of on-file data, not for help with something. */
const ASKS_ON_FILE =
  /\b(?:on file|on (?:the|my) account|in (?:the|your) system|you have|do you have|have you got|you got|is it|is that|is this|is my|are my|still|right|correct|match|matches|same|which|what(?:'s| is| are)|check (?:if|that|whether|my|the|it)|confirm|verify|tell me|remind me|look up|see (?:my|the|if|what)|registered|listed|up to date|current|the one)\b/;
const QUESTION_START =
  /^(?:is|are|do|does|did|can|could|would|will|which|what|whats|what's|where|when|how|should|have|has|please|check|confirm|verify|tell me|any idea|can't you|isn't|aren't|right|correct)\b/;
const TAG_QUESTION =
  /(?:,\s*|\b)(?:right|correct|yes|no|yeah|ok|isn'?t it|is that right|am i right|is that correct|can you confirm|no\?)\s*\??$/;
const CHANGE = /\b(?:update|change|changed|new|moved|replace|switch|add|remove|delete|correct it to)\b/;
const STREET_LIKE =
  /\b\d{1,5}[a-z]? (?:[a-z]+ ){1,3}(?:street|st|court|ct|road|rd|avenue|ave|lane|ln|drive|dr|way|blvd|boulevard|place|pl|terrace|circle)\b|\b(?:rua|rue|calle|avenida|via) (?:[a-z]+ ){1,3}\d{1,5}\b/;
const IDENTITY_TYPES = new Set(Object.keys(CLAIM_TYPES));
const LAST_DIGITS =
  /\b(?:ending|ends) (?:in|with) \d{2,4}\b|\blast (?:four|4|two|2|three|3)(?: digits)?(?: are| is)? \d{2,4}\b/;

/**
 * What a customer message says about identity, from its text and the detector's findings on it.
 * Call on every customer message; pass the last (up to 3) results to the guard.
 */
export function analyzeCustomerTurn(text: string, findings: readonly Finding[]): CustomerTurn {
  const kinds = new Set<OnFileKind>();
  let identity: CustomerTurn['identity'] = 'none';
  let otherQuestion = false;
  const lowered = plain(text);
  let offset = 0;
  for (const s of sentences(lowered)) {
    const start = lowered.indexOf(s.text, offset);
    const end = start + s.text.length;
    offset = Math.max(offset, end);
    const sentenceKinds = new Set<OnFileKind>();
    for (const f of findings) {
      const kind = IDENTITY_TYPES.has(f.type) ? CLAIM_TYPES[f.type] : undefined;
      if (kind && f.start < end && f.end > start) sentenceKinds.add(kind);
    }
    // Detectors can miss a value; the obvious shapes still count as typed identity data.
    if (LAST_DIGITS.test(s.text)) sentenceKinds.add('card');
    if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/.test(s.text)) sentenceKinds.add('email');
    if (/(?<![\p{L}\d])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\d])/u.test(s.text)) sentenceKinds.add('phone');
    if (STREET_LIKE.test(s.text)) sentenceKinds.add('address');
    const hasValue = sentenceKinds.size > 0;
    for (const [k, re] of TOPICS) if (re.test(s.text)) sentenceKinds.add(k);
    const question = s.question || QUESTION_START.test(s.text) || TAG_QUESTION.test(s.text);
    const judging = ASKS_ON_FILE.test(s.text) || (hasValue && question && !CHANGE.test(s.text));
    if (sentenceKinds.size === 0) {
      if (question) otherQuestion = true;
      continue;
    }
    for (const k of sentenceKinds) kinds.add(k);
    if (question && judging) identity = 'question';
    else if (hasValue || judging) {
      if (identity === 'none') identity = 'statement';
    } else if (question) otherQuestion = true;
  }
  return { identity, kinds: [...kinds], otherQuestion };
}
