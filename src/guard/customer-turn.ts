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

/**
 * The business's own contact details ("your support email", "the store's phone number"): asking for
 * them is no identity question, so they are removed before topics are looked for.
 */
const BUSINESS_TOPIC =
  /\b(?:your|you guys'?|the (?:store|shop|company|business|office)(?:'s)?|(?:customer )?(?:service|support|care|sales|returns|billing)|help ?line|hotline|toll[- ]free|head office)\s+(?:(?:customer|service|support|main|direct|contact|office|store|shop|phone|e-?mail|helpline)\s+)*(?:e-?mail(?: address)?|phone(?: number)?|number|address|contact(?: details| info)?|line)\b/g;

/**
 * Whose data a topic word is about. Without a value, "is that number free to call?" asks nothing about
 * anyone's identity; "is my number still on file?" or "her phone number" does.
 */
const OWNER =
  /\b(?:my|mine|me|myself|i'?m|i'?ve|i (?:have|had|gave|used|use|registered|signed|put|moved|live|lived)|our|ours|his|her|hers|him|their|them|husband|wife|partner|spouse|mother|mom|mum|father|dad|son|daughter|brother|sister|aunt|uncle|grandma|grandmother|grandfather|grandpa|client|on file|account|registered|you have|do you have|have you got|you got|in (?:the|your) system|still|correct|right|same|match(?:es)?|up to date|current|listed|the one)\b/;

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

const ABOUT_ORDER =
  /\b(?:order|orders|parcel|package|refund|return|delivery|item|items|shipment|purchase|tracking|exchange|subscription|booking)\b/;

/** Order, parcel and case references with their digits ("order 55120987", "tracking #1Z99…"). */
const REFERENCED_DIGITS =
  /\b(?:order|orders|tracking|track|parcel|package|shipment|case|ticket|ref|reference|invoice|confirmation|receipt|rma|po|sku|item|model|serial|part|booking|transaction)\b\W*(?:(?:number|no|nr|num|id|is|was|code)\b\W*)*#?\s*[\w-]*\d[\w-]*/g;

/**
 * "Which one do you ship to?", "where will my parcel be delivered?", "where do you send my orders?":
 * asking where the account's things go asks for the address on file.
 */
const ASKS_WHERE_SENT =
  /\bwhich (?:one|address|place|of (?:them|those|the two|my \w+))\b[^.?!]{0,40}?\b(?:ship|send|deliver|mail|post)\w*\b(?!\s+from)|\bwhere\b(?=[^.?!]*\bmy\b)[^.?!]{0,30}?\b(?:do|does|did|will|would|should|are|is)\s+(?:you|it|they|my \w+|the \w+)\s+(?:\w+\s+){0,2}?(?:ship|send|deliver|mail|post|sent|shipped|delivered|mailed|posted|go|going)\w*\b(?!\s+from)/;

/** A phone-shaped digit group; E.164 numbers have at most 15 digits, so longer groups are references. */
const PHONE_SHAPE = /(?<![\p{L}\d])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\d])/gu;
/** Words that make the digits after them an order, parcel or case reference, not a phone number. */
const REFERENCE_CUE =
  /\b(?:order|orders|tracking|track|parcel|package|shipment|case|ticket|ref|reference|invoice|confirmation|receipt|rma|po|sku|item|model|serial|part|booking|transaction)\b\W*(?:(?:number|no|nr|num|id|is|was|code)\b\W*)*$|#\s*$/;

function hasPhoneShape(s: string): boolean {
  for (const m of s.matchAll(PHONE_SHAPE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    if (REFERENCE_CUE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
    return true;
  }
  return false;
}

/**
 * A short guess that continues an earlier identity question without naming a topic: "what about 219?",
 * "or is it Birchwood?", "79 then?". Whether it is about identity depends on what it follows.
 */
const GUESS_OPENER =
  /^(?:(?:and|or|so|ok|okay|well|hmm+|then|no)\s*,?\s+)*(?:what about|how about|could it be|might it be|maybe|perhaps|or is it|or was it|is it|was it|or)\s+(?!(?:my|the|a|an|your|it|that|this|them|those|these|tomorrow|today|now|shipping|delivery|refunds?|returns?|orders?|price|prices|cost|stock|size|colou?r|express|next|when|if)\b)\S/;
const BARE_NUMBER =
  /(?<![\p{L}\d$£€¥.,:/#-])\d{1,6}(?![\d.,:/%-]|\s*(?:am|pm|h|hrs?|hours?|min|minutes?|days?|weeks?|months?|years?|items?|pairs?|pcs|units?|dollars?|euros?|pounds?|usd|eur|gbp|kg|g|lbs?|cm|mm|inch(?:es)?|x)\b)/u;
const GUESS_MAX_WORDS = 7;

function isGuess(s: { text: string; question: boolean }): boolean {
  const words = s.text.split(/\s+/).filter(Boolean).length;
  if (words > GUESS_MAX_WORDS) return false;
  const q = s.question || TAG_QUESTION.test(s.text);
  // A price is a question about cost ("is it $20?"), whatever it follows.
  if (/[$£€¥]|\b(?:dollars?|euros?|pounds?|bucks|usd|eur|gbp|cents?)\b/.test(s.text)) return false;
  return q && (GUESS_OPENER.test(s.text) || (BARE_NUMBER.test(s.text) && !REFERENCE_CUE.test(s.text)));
}

/**
 * "Hi, I'm Jane Doe, did my parcel arrive?": a name given to introduce oneself is a statement, even in
 * a sentence that goes on to ask about something else.
 */
const INTRO_BEFORE =
  /(?:^|[,.!?;:]\s*|\b(?:hi|hello|hey|hiya|morning|evening|afternoon|there|ola|hola|bonjour|hallo|hej)\W*)(?:i'?m|i am|im|this is|it'?s|its|my name is|my name'?s|name'?s|me llamo|soy|je suis|ich bin|hier ist|sou|mi chiamo|ik ben|jag heter|jag ar)\s*$/;
const INTRO_AFTER = /^\s*(?:here|speaking|aqui|aca|ici|hier|har)\b/;

const introduces = (lowered: string, sentenceStart: number, f: Finding): boolean =>
  f.type === 'PERSON' &&
  (INTRO_BEFORE.test(lowered.slice(sentenceStart, f.start)) || INTRO_AFTER.test(lowered.slice(f.end)));

const TRAILING_QUESTION =
  /,\s*(?:(?:and|but|so|also|oh|btw|quick question)\s+)?(?=(?:is|are|do|does|did|can|could|would|will|which|what|where|when|how|should|have|has)\b)/g;

/**
 * "Tobias Reed, t.reed@aol.com, does the laptop come with a charger?": details given, then a question
 * about something else after a comma. The question is split off when it names no identity data and asks
 * for no judgement ("…, is that right?" stays one identity question).
 */
function splitTrailingQuestion(s: {
  text: string;
  question: boolean;
}): { text: string; question: boolean }[] {
  if (!s.question) return [s];
  const cut = [...s.text.matchAll(TRAILING_QUESTION)].pop();
  if (!cut || cut.index === 0) return [s];
  const head = s.text.slice(0, cut.index).trim();
  const tail = s.text.slice(cut.index + cut[0].length).trim();
  // "where is my order 55120987?": digits after a reference cue are the order's, not identity data.
  const unreferenced = tail.replace(REFERENCED_DIGITS, ' ');
  // "…, is my order on its way?": a judgement word about an order is no identity question.
  const namesIdentity =
    (ASKS_ON_FILE.test(tail) && !ABOUT_ORDER.test(tail)) ||
    TOPICS.some(([, re]) => re.test(tail)) ||
    LAST_DIGITS.test(tail) ||
    /@|\d{3}/.test(unreferenced) ||
    STREET_LIKE.test(tail) ||
    ASKS_WHERE_SENT.test(tail);
  if (!head || !tail || namesIdentity || /\?/.test(head)) return [s];
  return [
    { text: head, question: false },
    { text: tail, question: true },
  ];
}

/**
 * What a customer message says about identity, from its text and the detector's findings on it.
 * Call on every customer message; pass the last (up to 3) results to the guard.
 */
export function analyzeCustomerTurn(text: string, findings: readonly Finding[]): CustomerTurn {
  const kinds = new Set<OnFileKind>();
  let identity: CustomerTurn['identity'] = 'none';
  let otherQuestion = false;
  let guess = false;
  const lowered = plain(text);
  let offset = 0;
  for (const s of sentences(lowered).flatMap(splitTrailingQuestion)) {
    const start = lowered.indexOf(s.text, offset);
    const end = start + s.text.length;
    offset = Math.max(offset, end);
    const sentenceKinds = new Set<OnFileKind>();
    for (const f of findings) {
      const kind = IDENTITY_TYPES.has(f.type) ? CLAIM_TYPES[f.type] : undefined;
      if (!kind || f.start >= end || f.end <= start) continue;
      if (introduces(lowered, start, f)) {
        kinds.add(kind);
        if (identity === 'none') identity = 'statement';
      } else sentenceKinds.add(kind);
    }
    // Detectors can miss a value; the obvious shapes still count as typed identity data.
    if (LAST_DIGITS.test(s.text)) sentenceKinds.add('card');
    if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/.test(s.text)) sentenceKinds.add('email');
    if (hasPhoneShape(s.text)) sentenceKinds.add('phone');
    if (STREET_LIKE.test(s.text)) sentenceKinds.add('address');
    if (ASKS_WHERE_SENT.test(s.text)) sentenceKinds.add('address');
    const hasValue = sentenceKinds.size > 0;
    const own = s.text.replace(BUSINESS_TOPIC, ' ');
    if (hasValue || OWNER.test(own)) for (const [k, re] of TOPICS) if (re.test(own)) sentenceKinds.add(k);
    const question = s.question || QUESTION_START.test(s.text) || TAG_QUESTION.test(s.text);
    const judging =
      ASKS_ON_FILE.test(own) ||
      ASKS_WHERE_SENT.test(s.text) ||
      (hasValue && question && !CHANGE.test(s.text));
    if (sentenceKinds.size === 0) {
      if (question && isGuess(s)) guess = true;
      else if (question) otherQuestion = true;
      continue;
    }
    for (const k of sentenceKinds) kinds.add(k);
    if (question && judging) identity = 'question';
    else if (hasValue || judging) {
      if (identity === 'none') identity = 'statement';
    } else if (question) otherQuestion = true;
  }
  const out: CustomerTurn = { identity, kinds: [...kinds], otherQuestion };
  // Only a message that is nothing but a guess continues an identity question.
  if (guess && identity === 'none' && !otherQuestion) out.guess = true;
  return out;
}
