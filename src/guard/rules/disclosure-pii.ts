import type { AccountRecord } from '../../core/account.js';
import { ENTITY_TYPES } from '../../core/entities.js';
import type { Finding } from '../../core/finding.js';
import { dateCandidates, digitsOf, fold } from '../../verification/normalize.js';
import type { GuardContext } from '../context.js';
import type { GuardRule } from '../types.js';
import { levelReason } from './hints.js';

/** Types that are personal data when an agent sends them. Names are handled with on-file data. */
const PII_TYPES: ReadonlySet<string> = new Set(
  ENTITY_TYPES.filter((t) => t !== 'PERSON' && t !== 'PASSWORD' && t !== 'VERIFICATION_CODE'),
);

/** Phone-length digit groups compare on their national part, so "+1 503…" echoes "503…". */
const digitKey = (d: string): string => (d.length >= 9 ? d.slice(-9) : d);

const tokensOf = (value: string): string[] =>
  fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Words a detector's span may take in around an address ("goes to", "ship it to"): they are the
 * sentence, not the value, so they say nothing about whose data it is.
 */
const LEAD_WORDS = new Set(
  `to at in on the a an of and your our my its it is be will goes going go went sent send ship ships
  shipped shipping deliver delivers delivered delivering delivery address addresses registered listed
  now still currently we have has had got you for from with here there i ve noted note wrote written
  down thanks thank ok okay as said gave typed put that this so new old updated update change changed
  set saved added monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight morning
  afternoon evening notiert habe ich aufgenommen gespeichert anoto apunto anotado note noté annotato anotei
  genoteerd hab`.split(/\s+/),
);

/** Digits of a value as one group when it is mostly digits (phones, cards), else its tokens. */
function pieces(value: string): { words: string[]; digits: string[] } {
  const d = digitsOf(value);
  if (d.length >= 7 && d.length >= value.replace(/[\s().+-]/g, '').length - 1)
    return { words: [], digits: [d] };
  const toks = tokensOf(value);
  return { words: toks.filter((t) => !/^\d+$/.test(t)), digits: toks.filter((t) => /^\d+$/.test(t)) };
}

function recordHas(record: AccountRecord, f: Finding): boolean {
  if (f.type === 'DATE_OF_BIRTH')
    return record.dateOfBirth !== undefined && dateCandidates(f.value).includes(record.dateOfBirth);
  const all = [record.name, ...record.emails, ...record.phones, ...record.addresses, ...record.cardLast4];
  const words = new Set(all.flatMap(tokensOf));
  const digits = all.map(digitsOf).filter(Boolean);
  const p = pieces(f.value);
  // Words the detector took in around the value ("ditt konto är Storgatan 14B"): written in lower case,
  // they are the sentence in any language, not a name or a place.
  const lower = new Set(
    f.type === 'ADDRESS'
      ? (f.value.match(/[\p{L}']+/gu) ?? []).filter((w) => w === w.toLowerCase()).map((w) => fold(w))
      : [],
  );
  return (
    p.words.every((w) => words.has(w) || LEAD_WORDS.has(w) || lower.has(w)) &&
    // A span that took in a list number after the phone ("…3827 3)") still holds the whole phone.
    p.digits.every((d) =>
      digits.some(
        (x) =>
          x.includes(digitKey(d)) ||
          digitKey(x) === digitKey(d) ||
          (x.length >= 7 && d.includes(digitKey(x))),
      ),
    )
  );
}

function echoed(ctx: GuardContext, f: Finding): boolean {
  if (f.type === 'DATE_OF_BIRTH') {
    const want = new Set(dateCandidates(f.value));
    if (want.size > 0) {
      return ctx.input.customerValues.some((v) => dateCandidates(v.value).some((d) => want.has(d)));
    }
  }
  const p = pieces(f.value);
  // Frame words a detector's span may take in ("I've noted …") are the sentence, not the value.
  return (
    p.words.every((w) => ctx.echoWord(w) || LEAD_WORDS.has(w)) &&
    p.digits.every((d) => ctx.echoDigits(digitKey(d)))
  );
}

/**
 * Format examples ("e.g. name@example.com"): a local part that is a stand-in, not a person. The domain
 * alone proves nothing (test data and some real addresses use example domains), so it never exempts.
 */
const EXAMPLE_EMAIL =
  /^(?:name|yourname|your\.?name|first\.?last|firstname\.?lastname|firstname|lastname|you|user|username|someone|somebody|xxx+)@/i;
/**
 * "+1 555 000 0000", "555-1234", "(555) 123-4567": numbers made up to show a format. The last seven
 * digits alone are not enough ("+65 8123 4567" is a real number): whatever comes before them must be
 * a placeholder too.
 */
const EXAMPLE_PHONE = /^(?:(\d)\1{6}|5550000|5551234|1234567|0123456)$/;
const EXAMPLE_PREFIX = /^(?:1?555|1?000|1?123|(\d)\1*)?$/;
function isExamplePhone(value: string): boolean {
  const d = digitsOf(value);
  return EXAMPLE_PHONE.test(d.slice(-7)) && EXAMPLE_PREFIX.test(d.slice(0, -7));
}
const isExample = (f: Finding): boolean =>
  (f.type === 'EMAIL' && EXAMPLE_EMAIL.test(f.value.trim())) ||
  (f.type === 'PHONE' && isExamplePhone(f.value));

/** "j•••@gmail.com", "o***@btinternet.com": an email shown in part is still someone's email. */
const MASKED_EMAIL =
  /(?<![\p{L}\p{N}._-])([\p{L}\p{N}._-]*)[•*●∙·]{2,}[\p{L}\p{N}•*●∙·._-]*@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;

/** Does an email of `emails` fit the visible start and the domain of a masked one? */
const fits = (emails: readonly string[], head: string, domain: string): boolean =>
  emails.some((e) => {
    const [local = '', dom = ''] = fold(e).split('@');
    return local.startsWith(fold(head)) && dom === fold(domain);
  });

function maskedEmail(ctx: GuardContext): boolean {
  const typed = ctx.input.customerValues.filter((v) => v.type === 'EMAIL').map((v) => v.value);
  for (const m of ctx.text.matchAll(MASKED_EMAIL)) {
    const [head = '', domain = ''] = [m[1], m[2]];
    if (fits(typed, head, domain)) continue;
    if (ctx.unlockedAccount && fits(ctx.unlockedAccount.emails, head, domain)) continue;
    return true;
  }
  return false;
}

/**
 * "Our Union Station store at 50 Massachusetts Ave", "returns go to Unit 4, Riverside Park": an address
 * the agent gives as the business's own place. On-file data is still checked by the on-file rule.
 */
const BUSINESS_PLACE_BEFORE =
  /\b(?:our|the company'?s|the shop'?s|the store'?s)\s+(?:[\p{L}'-]+\s+){0,3}?(?:store|shop|branch|office|warehouse|depot|outlet|showroom|hq|headquarters|returns? (?:centre|center|address|department|hub)|pickup point|collection point|service (?:centre|center)|boutique|pharmacy|clinic|hotel|restaurant)(?:\s+(?:is|are))?(?:\s+(?:at|on|in))?\s*[:,-]?\s*$|\breturns? (?:go|goes|are sent|should be sent|can be sent|ship)\s+to\s*$|\b(?:send|post|mail|ship) (?:it|them|returns?|the item|the parcel)? ?back to (?:us at|our [\p{L} ]{0,20}? at)\s*$/u;
const businessPlace = (ctx: GuardContext, f: Finding): boolean =>
  f.type === 'ADDRESS' && BUSINESS_PLACE_BEFORE.test(ctx.folded.slice(Math.max(0, f.start - 60), f.start));

/**
 * "It's a Walter Briggs, he's a customer of ours too": a name the customer did not type, said of a
 * customer, a home or an account, is someone else's data. Colleagues and teams are not.
 */
const SOMEONE_ELSES =
  /\b(?:customers?(?! (?:service|care|support|team|relations|experience))|clients?|account holder|cardholder|lives?|living|resident|neighbou?rs?|house|home|belongs? to|registered to|in the name of|owner|his address|her address)\b/;
function namesSomeoneElse(ctx: GuardContext): boolean {
  const own = ctx.unlockedAccount ? fold(ctx.unlockedAccount.name) : '';
  return ctx.input.findings.some((f) => {
    if (f.type !== 'PERSON' || echoed(ctx, f)) return false;
    if (own && tokensOf(f.value).every((t) => own.includes(t))) return false;
    const sentence = ctx.folded.slice(Math.max(0, f.start - 60), f.end + 60);
    return SOMEONE_ELSES.test(sentence);
  });
}

/** Inside the business's own contact details, which the context blanked out. */
const isBusiness = (ctx: GuardContext, f: Finding): boolean => ctx.text.slice(f.start, f.end).trim() === '';

/**
 * Personal data in the agent text that the customer did not type here and that is not the business's
 * own: below the level that unlocks the account, or when it is not the verified account's own data.
 */
export const disclosurePii: GuardRule = {
  id: 'guard.disclosure.pii',
  check(ctx) {
    for (const f of ctx.input.findings) {
      if (
        !PII_TYPES.has(f.type) ||
        isBusiness(ctx, f) ||
        businessPlace(ctx, f) ||
        isExample(f) ||
        echoed(ctx, f)
      )
        continue;
      if (ctx.unlockedAccount && recordHas(ctx.unlockedAccount, f)) continue;
      return {
        reason: `The message contains personal data (${f.type.toLowerCase().replace(/_/g, ' ')}) the customer did not give in this chat, and ${levelReason(ctx)}.`,
        hint: "Remove it. You may repeat what the customer typed (use their placeholders, e.g. [EMAIL_1]) and share the business's own contact details.",
      };
    }
    if (namesSomeoneElse(ctx)) {
      return {
        reason: `The message names another person in connection with their account or home, and ${levelReason(ctx)}.`,
        hint: "Remove the name. Other customers' details, even who they are, can't be shared in chat.",
      };
    }
    if (maskedEmail(ctx)) {
      return {
        reason: `The message contains part of an email address the customer did not give in this chat, and ${levelReason(ctx)}.`,
        hint: 'Remove it: a masked address still tells who it belongs to. You may repeat what the customer typed (use their placeholders, e.g. [EMAIL_1]).',
      };
    }
    return undefined;
  },
};
