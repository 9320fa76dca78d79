import type { AccountRecord, OnFileKind } from '../core/account.js';
import {
  addressParts,
  dateCandidates,
  digitsOf,
  fold,
  MONTH_NAMES,
  nameTokens,
} from '../verification/normalize.js';
import { COMMON_WORDS, SENTENCE_STARTERS } from './common-words.js';
import type { GuardContext } from './context.js';
import { type DigitRun, escapeRe, wordRe } from './text.js';
import { DEMONYMS, regionCodesIn, regionNames } from './regions.js';
import { own } from '../core/lookup.js';

/** One piece of an on-file value found in the agent text. `piece` is for echo checks only, never shown. */
export interface Hit {
  kind: OnFileKind;
  /** What it reveals, in words safe to show ("street name", "last digits of the phone"). */
  part: string;
  piece: string;
  pieceType: 'word' | 'digits';
}

const PHONE_CTX =
  /\b(phone|number|mobile|cell|call|text|sms|area code|digits?|ending|ends?|last|starts?|begins?)\b/;
const ENDING_CTX = /\b(ending|ends?|last (two|three|four|[234]|digits?)|final)\b/;
const BIRTH_CTX = /\b(born|birth|birthday|bday|b-day|dob|date of birth|age|aged|nascimento|nacimiento)\b/;
const ADDRESS_CTX = /\b(house|building|door|apartment|apt|flat|unit|street|address|lives?|living|no\.?)\b/;
const PLACE_NOUN =
  '(?:address|addresses|one|home|place|number|phone|mobile|cell|landline|postcode|post code|zip|postal code|residence|residency|resident|location)\\b';
const POSTAL_CTX = /\b(zip|postal|postcode|post code|code postal|cp|cep)\b/;
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'van',
  'von',
  'der',
  'di',
  'la',
  'le',
  'du',
  'al',
  'bin',
  'e',
  'y',
]);
const DECADES = [
  '',
  '',
  'twenties',
  'thirties',
  'forties',
  'fifties',
  'sixties',
  'seventies',
  'eighties',
  'nineties',
];

const around = (ctx: GuardContext, start: number, end: number, width = 40): string =>
  ctx.folded.slice(Math.max(0, start - width), end + width);

/**
 * A word of an on-file value in the agent text. Words that are also ordinary English count only
 * when capitalised as a name would be, and not at a sentence start where every word is capitalised.
 */
export function wordHit(ctx: GuardContext, word: string): boolean {
  const w = fold(word);
  if (w.length < 2) return false;
  if (!COMMON_WORDS.has(w)) return wordRe(w).test(ctx.folded);
  const cap = w[0]!.toUpperCase() + w.slice(1);
  for (const m of ctx.cased.matchAll(
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${escapeRe(cap)}|${escapeRe(w.toUpperCase())})(?![\\p{L}\\p{N}])`,
      'gu',
    ),
  )) {
    const before = ctx.cased.slice(0, m.index).trimEnd();
    const initial = before === '' || /[.!?:"\n\u2022*-]$/.test(before);
    if (!initial || !SENTENCE_STARTERS.has(w)) return true;
  }
  return false;
}

/** Letters the agent says something starts with: "starts with an h", "first letter is J", "j***@". */
export function statedInitials(ctx: GuardContext): Set<string> {
  const out = new Set<string>();
  const stated =
    /\b(?:starts?|starting|begins?|beginning|first (?:letter|character|initial|char)|initial|nagsisimula(?: po)? sa|empieza (?:por|con)|commence par|beginnt mit|comincia (?:con|per)|comeca (?:com|por)|begint met|zaczyna sie (?:od|na)|borjar (?:pa|med)|se shuru)(?:\s+(?:is|was|being|of it is))?(?:\s+with)?\s+(?:(?:an?|the letter|letter|the|un|une|una|uno|ein|eine|einem|um|uma|een)\s+)?["'(]?([a-z0-9])["')]?(?=\s*(?:[.,;:!?)]|$|\s+(?:and|as|like|for|then|at|-|in|on|or|but)\b))/g;
  for (const m of ctx.folded.matchAll(stated)) out.add(m[1]!);
  for (const m of ctx.folded.matchAll(/(?<![a-z0-9])([a-z0-9])(?:[*•x_]{2,}|\.{3}|…)\S*@/g)) out.add(m[1]!);
  return out;
}

/** "termina en", "se termine par", "endet auf", "eindigt op": the same phrase in other languages. */
const FOREIGN_ENDS =
  /\b(?:termina[ns]?|terminado|acaba[ns]?|finit|finissent|se termine|termine|endet|enden|endend|eindigt|slutar|konczy sie|nagtatapos|natatapos|finissant|se terminant|terminant|terminando|terminante|mit endung|endung|terminacion|de terminacion|terminaison|terminacao|finale)(?:\s+(?:en|em|con|com|in|par|pas|auf|mit|op|met|med|por|na|a|pa|sa|po sa))?(?:\s+(?:el|la|los|les|le|o|os|den|der|die|the|digitos?|chiffres?|ziffern?|cijfers?|cifras?|numeros?))?\s*$/;
const FOREIGN_STARTS =
  /\b(?:empieza[ns]?|comienza[ns]?|comeca[m]?|commence(?:nt)?|beginnt|beginnen|fangt mit|begint|inizia(?:no)?|comincia)(?:\s+(?:en|em|con|com|in|par|por|mit|met|per|op|a))?(?:\s+(?:el|la|los|les|le|o|os|den|der|die|digitos?|chiffres?|ziffern?|cijfers?|cifras?|numeros?))?\s*$/;

/** "ends with a 7", "ending in 17": the digits that follow state the end of a value, however short. */
export const endsWithPhrase = (before: string): boolean =>
  /\b(?:ending|ends|end|finishing|finishes)(?:\s+(?:in|with|on))?(?:\s+(?:a|an|the digits?|digits?))?\s*$/.test(
    before,
  ) || FOREIGN_ENDS.test(before);

/** "starts with 024", "the first three digits are 617": the digits that follow state the start of a value. */
export const startsWithPhrase = (before: string): boolean =>
  /(?:\b(?:starts?|starting|begins?|beginning|prefix(?:ed)?)(?:\s+(?:with|in|on|as|by))?|\bopens?\s+with)(?:\s+(?:a|an|the digits?|digits?|the numbers?))?\s*:?\s*$|\bfirst (?:(?:one|two|three|four|five|six|[1-6])\s+)?(?:digits?|numbers?|characters?)(?:\s+(?:of (?:it|the \w+|your \w+)))?(?:\s+(?:are|is|were|was|being))?\s*:?\s*$/.test(
    before,
  ) || FOREIGN_STARTS.test(before);

/** "981-something", "0164xx": digits the agent leaves unfinished are the start of a value. */
const TRAILS_OFF = /^\s*-?\s*(?:something|ish\b|x{2,}|\*{2,}|#{2,}|_{2,}|\.{3}|…|and (?:something|change)\b)/;
/** "xxx-0164", "***0164", "something 64": digits after a masked run are the end of a value. */
const LEADS_IN = /(?:something|x{2,}|\*{2,}|#{2,}|_{2,}|\.{3}|…)[\s-]*$/;

/** Amounts, times, measures and references: digits that name no person, whatever they equal. */
const MONEY_BEFORE = /(?:[$£€¥]|\b(?:usd|eur|gbp|cad|aud|r\$))\s*$/;
const UNIT_AFTER =
  /^(?:[.,]\d+)?(?:\s*(?:am|pm|a\.m|p\.m|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|years? (?:ago|old)|%|percent|dollars?|euros?|pounds?|bucks|usd|eur|gbp|kgs?|lbs?|oz|cm|mm|km|inch(?:es)?|ft|watts?|mah|gb|tb|mb|hz|pack|pcs|items?|units?|series|model|edition)\b|(?:h|m|g|x|v|w|in)\b|\s*-\s*inch)/;
const REFERENCE_BEFORE =
  /\b(?:orders?|tracking|track|parcel|package|shipment|case|ticket|ref|reference|invoice|confirmation|receipt|rma|po|sku|item|model|serial|part|booking|transaction|ext|extension|x|room|gate|aisle|flight|store|branch|version|v)\b\W*(?:(?:number|no|nr|num|id|is|was|code)\b\W*)*$|#\s*$/;

function notIdentityDigits(ctx: GuardContext, r: DigitRun): boolean {
  const before = ctx.folded.slice(Math.max(0, r.start - 30), r.start);
  const after = ctx.folded.slice(r.end, r.end + 12);
  return MONEY_BEFORE.test(before) || UNIT_AFTER.test(after) || REFERENCE_BEFORE.test(before);
}

function digitHits(
  ctx: GuardContext,
  kind: OnFileKind,
  part: string,
  test: (r: string, win: () => string, before: () => string) => boolean,
): Hit[] {
  return ctx.runs
    .filter((r) => !notIdentityDigits(ctx, r))
    .filter((r) =>
      test(
        r.digits,
        () => around(ctx, r.start, r.end),
        () => {
          const before = ctx.folded.slice(Math.max(0, r.start - 30), r.start);
          const after = ctx.folded.slice(r.end, r.end + 20);
          // Folded into the phrase tests below as if the agent had said "starts with" / "ends in".
          // "+44 XXXX XXXXXX" is a format: a country code alone names no one.
          if (TRAILS_OFF.test(after) && ctx.folded[r.start] !== '+') return `${before} starts with `;
          if (LEADS_IN.test(before)) return `${before} ending in `;
          return before;
        },
      ),
    )
    .map((r) => ({ kind, part, piece: r.digits, pieceType: 'digits' as const }));
}

/** Long words are also found said in pieces ("Birch Mount", "Birch-mount" for Birchmount). */
const SPLIT_MIN = 6;

const words = (kind: OnFileKind, part: string, ctx: GuardContext, ws: readonly string[]): Hit[] =>
  [...new Set(ws)]
    .filter((w) => wordHit(ctx, w) || (w.length >= SPLIT_MIN && splitWordsSay(ctx, fold(w))))
    .map((w) => ({ kind, part, piece: w, pieceType: 'word' as const }));

function nameHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  return words(
    'name',
    'name',
    ctx,
    nameTokens(r.name).filter((t) => t.length >= 2 && !NAME_PARTICLES.has(t)),
  );
}

function emailHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  const hits: Hit[] = [];
  for (const email of r.emails) {
    const [local = '', domain = ''] = fold(email).split('@');
    // "jane.doe", "jane dot doe", "jane underscore doe": the local part however it is spelled out.
    const spelled = local
      .split(/([._-])/)
      .map((p) => (/^[._-]$/.test(p) ? '\\s*(?:[._-]|dot|underscore|dash|hyphen|point)\\s*' : escapeRe(p)))
      .join('');
    if (
      local.length >= 3 &&
      new RegExp(`(?<![\\p{L}\\p{N}])${spelled}(?![\\p{L}\\p{N}])`, 'u').test(ctx.folded)
    ) {
      hits.push({ kind: 'email', part: 'email address', piece: local, pieceType: 'word' });
    }
    hits.push(
      ...words(
        'email',
        'email address',
        ctx,
        local.split(/[._+\-\d]+/).filter((t) => t.length >= 3),
      ),
    );
    if (domain && wordRe(domain).test(ctx.folded)) {
      hits.push({ kind: 'email', part: 'email domain', piece: domain, pieceType: 'word' });
    }
    const label = domain.split('.')[0] ?? '';
    if (label.length >= 3) hits.push(...words('email', 'email domain', ctx, [label]));
    if (splitWordsSay(ctx, label))
      hits.push({ kind: 'email', part: 'email domain', piece: label, pieceType: 'word' });
    if (/^[a-z]+$/.test(local) && splitWordsSay(ctx, local))
      hits.push({ kind: 'email', part: 'email address', piece: local, pieceType: 'word' });
    // "a Google address" for gmail.com: the company behind the provider names it as well.
    for (const owner of own(PROVIDER_OWNERS, label) ?? []) {
      if (wordRe(owner).test(ctx.folded) && (EMAIL_WORD.test(ctx.folded) || ctx.pending.kinds.has('email')))
        hits.push({ kind: 'email', part: 'email provider', piece: owner, pieceType: 'word' });
    }
    const tld = domain.split('.').pop() ?? '';
    if (tld && tld !== 'com' && new RegExp(`(?:^|\\s)(?:\\.|dot\\s)${escapeRe(tld)}\\b`).test(ctx.folded)) {
      hits.push({ kind: 'email', part: 'email domain', piece: domain, pieceType: 'word' });
    }
  }
  return hits;
}

/** "BT Internet" for btinternet.com, "Big Pond" for bigpond: a run-together word said as two or three. */
function splitWordsSay(ctx: GuardContext, joined: string): boolean {
  if (joined.length < 5) return false;
  const toks = ctx.folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < toks.length; i++) {
    let acc = toks[i]!;
    for (let n = 1; n < 3 && i + n < toks.length && acc.length < joined.length; n++) {
      acc += toks[i + n]!;
      if (acc === joined) return true;
    }
  }
  return false;
}

/**
 * A phone as it may be written at home: without its country code ("+49 152…" is "0152…" in Germany,
 * "+44 20…" is "020…"), with or without the trunk 0. The code is the first group when the number is
 * written in groups; otherwise the last ten digits (NANP) stand for the national number.
 */
function nationalForms(phone: string, digits: string): string[] {
  const nationals = new Set<string>([digits.length > 10 ? digits.slice(-10) : digits]);
  const cc = /^\s*(?:\+|00)\s*(\d{1,3})[\s.\-/(]/.exec(phone)?.[1];
  if (cc && digits.startsWith(cc)) nationals.add(digits.slice(cc.length));
  const out = new Set<string>([digits]);
  for (const n of nationals) {
    const bare = n.replace(/^0+/, '');
    if (bare.length < 6) continue;
    out.add(bare);
    out.add(`0${bare}`);
  }
  return [...out];
}

function phoneHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  return r.phones.flatMap((phone) => {
    const d = digitsOf(phone);
    if (d.length < 7) return [];
    const forms = nationalForms(phone, d);
    return digitHits(ctx, 'phone', 'digits of the phone number', (run, win, before) => {
      if (endsWithPhrase(before()) && d.endsWith(run)) return true;
      // Written nationally the number may start with a trunk 0 ("07700…").
      if (startsWithPhrase(before()) && forms.some((x) => x.startsWith(run))) return true;
      if (run.length >= 4)
        return (
          d.includes(run) ||
          (run.includes(d.slice(-4)) && run.length <= d.length + 4) ||
          // "a 0152 number": the national prefix with its trunk 0.
          forms.some((x) => x.startsWith('0') && x.startsWith(run))
        );
      if (run.length === 3)
        return (d.endsWith(run) || forms.some((x) => x.startsWith(run))) && PHONE_CTX.test(win());
      return run.length === 2 && d.endsWith(run) && ENDING_CTX.test(win());
    });
  });
}

function cardHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  return r.cardLast4.flatMap((last4) => {
    const l = digitsOf(last4);
    if (l.length < 2) return [];
    return digitHits(ctx, 'card', 'card digits', (run, win, before) => {
      if (endsWithPhrase(before()) && l.endsWith(run)) return true;
      if (run === l || (run.length >= 12 && run.endsWith(l))) return true;
      return run.length >= 2 && run.length < l.length && l.endsWith(run) && ENDING_CTX.test(win());
    });
  });
}

/** "Unit 5", "Apt 3B", "flat 12", "#07-22": the door within a building, a part of the address. */
const UNIT =
  /\b(?:unit|apt|apartment|flat|suite|ste|apto|apartamento|piso|wohnung|whg|appartement|appt|interno|int)\.?\s*(?:no\.?\s*)?#?\s*(\d+[a-z]?(?:-\d+)?)\b|#\s?(\d+-\d+)\b/g;

function unitHits(ctx: GuardContext, address: string): Hit[] {
  const units = new Set([...fold(address).matchAll(UNIT)].map((m) => (m[1] ?? m[2])!));
  const said = [...ctx.folded.matchAll(UNIT)].map((m) => (m[1] ?? m[2])!);
  return said
    .filter((u) => units.has(u))
    .map((u) => ({
      kind: 'address' as const,
      part: 'unit number',
      piece: u.replace(/\D/g, ''),
      pieceType: 'digits' as const,
    }));
}

function addressHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  const hits: Hit[] = [];
  for (const address of r.addresses) {
    hits.push(...unitHits(ctx, address));
    const p = addressParts(address);
    hits.push(...words('address', 'street name', ctx, p.streetWords));
    hits.push(
      ...words(
        'address',
        'city',
        ctx,
        p.placeWords.filter((w) => !businessPlace(ctx, w)),
      ),
    );
    // "w Krakowie", "in Göteborgs", "em Lisboa": a city said with a case ending is the city.
    for (const w of p.placeWords) {
      if (w.length < 5 || COMMON_WORDS.has(w) || businessPlace(ctx, w) || wordHit(ctx, w)) continue;
      if (new RegExp(`(?<![\\p{L}])${escapeRe(w)}\\p{L}{1,3}(?![\\p{L}])`, 'u').test(ctx.folded))
        hits.push({ kind: 'address', part: 'city', piece: w, pieceType: 'word' });
    }
    for (const z of p.postcodes) {
      hits.push(
        ...digitHits(ctx, 'address', 'postcode', (run, win, before) =>
          /^\d+$/.test(z)
            ? run === z ||
              (z.length > 5 && run === z.slice(0, 4) && POSTAL_CTX.test(win())) ||
              (run.length >= 2 && z.startsWith(run) && startsWithPhrase(before())) ||
              (run.length >= 2 && z.endsWith(run) && endsWithPhrase(before()))
            : false,
        ),
      );
      if (!/^\d+$/.test(z)) {
        // "LS1 4DT": the whole code, or its outward half when postcodes are the topic.
        // Dutch "1016 GV" splits after the digits; UK and Canadian codes before the last three.
        const outward = /^\d{4}[a-z]{2}$/.test(z) ? z.slice(0, 4) : z.slice(0, -3);
        const whole = new RegExp(`\\b${escapeRe(outward)}\\s?${escapeRe(z.slice(outward.length))}\\b`);
        const half = new RegExp(`\\b${escapeRe(outward)}\\b`);
        // An outward code with a digit ("BS6", "V6H") names a district on its own.
        const halfSaid =
          half.test(ctx.folded) &&
          ((/\d/.test(outward) && /[a-z]/.test(outward)) || POSTAL_CTX.test(ctx.folded));
        if (whole.test(ctx.folded) || halfSaid) {
          hits.push({ kind: 'address', part: 'postcode', piece: z, pieceType: 'word' });
        }
      }
    }
    hits.push(
      ...digitHits(
        ctx,
        'address',
        'house number',
        (run, win) =>
          p.numbers.includes(run) &&
          (ADDRESS_CTX.test(win()) ||
            (ctx.pending.kinds.has('address') && /\b(?:number|#)\W*$/.test(win().split(run)[0] ?? ''))),
      ),
    );
    for (const code of new Set([...p.regionCodes, ...regionCodesIn(address)])) {
      // "TX" of "#TX-58376" is an order prefix, not the state.
      if (
        new RegExp(`(?<![\\p{L}\\p{N}#/-])${escapeRe(code)}(?![\\p{L}\\p{N}]|-\\p{N})`, 'u').test(ctx.cased)
      )
        hits.push({ kind: 'address', part: 'state', piece: code.toLowerCase(), pieceType: 'word' });
      for (const name of regionNames(code)) {
        if (wordRe(name).test(ctx.folded))
          hits.push({ kind: 'address', part: 'state', piece: name, pieceType: 'word' });
      }
    }
    for (const place of p.placeWords) {
      for (const adj of own(DEMONYMS, place) ?? []) {
        // Demonyms are also languages ("I can help in Spanish"): only next to what they describe.
        if (new RegExp(`\\b${adj}\\s+(?:\\w+\\s+)?${PLACE_NOUN}`).test(ctx.folded))
          hits.push({ kind: 'address', part: 'country', piece: adj, pieceType: 'word' });
      }
    }
  }
  return hits;
}

/** Zodiac sign names with the first day of each (month, day), in calendar order from Capricorn. */
const ZODIAC: readonly [string, number, number][] = [
  ['capricorn', 1, 1],
  ['aquarius', 1, 20],
  ['pisces', 2, 19],
  ['aries', 3, 21],
  ['taurus', 4, 20],
  ['gemini', 5, 21],
  ['cancer', 6, 21],
  ['leo', 7, 23],
  ['virgo', 8, 23],
  ['libra', 9, 23],
  ['scorpio', 10, 23],
  ['sagittarius', 11, 22],
  ['capricorn', 12, 22],
];
function zodiacOf(month: number, day: number): string | undefined {
  let sign: string | undefined;
  for (const [name, m, d] of ZODIAC) if (month > m || (month === m && day >= d)) sign = name;
  return sign;
}

/**
 * Parts of the year a birth month is described by, when birthdays are the topic. Seasons are read
 * loosely (either hemisphere's neighbours), so a month near a boundary counts for both seasons.
 */
const MONTH_HINTS: readonly [RegExp, readonly number[]][] = [
  [
    /\b(?:first quarter|q1|(?:start|beginning|early part|first part) of the year|early in the year|new year'?s?)\b/,
    [1, 2, 3],
  ],
  [/\b(?:second quarter|q2)\b/, [4, 5, 6]],
  [/\b(?:third quarter|q3)\b/, [7, 8, 9]],
  [
    /\b(?:fourth quarter|last quarter|q4|end of the year|late in the year|(?:last|final) (?:part|months?) of the year|holiday season|christmas|xmas)\b/,
    [10, 11, 12],
  ],
  [/\b(?:middle of the year|mid-?year|halfway through the year)\b/, [5, 6, 7, 8]],
  [/\b(?:first half of the year|first half)\b/, [1, 2, 3, 4, 5, 6]],
  [/\b(?:second half of the year|second half)\b/, [7, 8, 9, 10, 11, 12]],
  [/\bwinter\b/, [12, 1, 2, 3, 6, 7, 8]],
  [/\bspring\b/, [3, 4, 5, 6, 9, 10, 11]],
  [/\bsummer\b/, [6, 7, 8, 9, 12, 1, 2]],
  [/\b(?:autumn|fall)\b/, [9, 10, 11, 12, 3, 4, 5]],
];

/** Days known by name, as a birthday may be described ("on Valentine's Day", "Christmas Eve"). */
const NAMED_DAYS: readonly [RegExp, number, number][] = [
  [/\bnew year'?s day\b/, 1, 1],
  [/\bvalentine'?s(?: day)?\b/, 2, 14],
  [/\bleap day\b/, 2, 29],
  [/\bpi day\b/, 3, 14],
  [/\b(?:st\.? |saint )?patrick'?s day\b/, 3, 17],
  [/\bapril fool'?s(?: day)?\b/, 4, 1],
  [/\bmay day\b/, 5, 1],
  [/\bcinco de mayo\b/, 5, 5],
  [/\bcanada day\b/, 7, 1],
  [/\b(?:independence day|(?:the )?fourth of july|4th of july|july 4th)\b/, 7, 4],
  [/\bbastille day\b/, 7, 14],
  [/\bhalloween\b/, 10, 31],
  [/\bguy fawkes(?: night| day)?\b|\bbonfire night\b/, 11, 5],
  [/\bveterans'? day\b|\bremembrance day\b|\barmistice day\b/, 11, 11],
  [/\bchristmas eve\b/, 12, 24],
  [/\bchristmas(?: day)?\b|\bxmas\b/, 12, 25],
  [/\bboxing day\b/, 12, 26],
  [/\bnew year'?s eve\b/, 12, 31],
];

/** A sentence about someone's own birthday ("yours is in the spring", "you were born in Q1"). */
const PERSONAL_BIRTH =
  /\b(?:you|your|yours|you'?re|you were|his|her|hers|their|born|it'?s|it is|is in|was in|falls?)\b/;
const PROMO =
  /\b(?:sale|sales|discount|offer|promo|promotion|deal|deals|members?|collection|campaign|coupon)\b/;

/** An age said of someone: "turning 40", "you're 40", "aged 40", "40 years old", "your 40th birthday". */
const AGE_SAID =
  /\b(?:turn(?:s|ing|ed)?|you'?re|you are|you'?ll be|you'?d be|you were|(?:s?he|they)'?(?:s|re)|aged?|age of)\s+(\d{2,3})\b(?!\s*(?:[%$.,:/-]\d|minutes?|mins?|hours?|days?|weeks?|months?|miles?|km|percent|orders?|items?|dollars?|euros?|pounds?))|\b(\d{2,3})\s*(?:years? old|yrs? old|y\.?o\.?\b|this (?:year|month)|next (?:year|month|week))|\b(\d{2,3})(?:st|nd|rd|th) birthday\b/g;

const BIRTHDAY_NEAR =
  /\b(?:happy (?:early |belated |upcoming )?birthday|(?:early|belated) (?:happy )?birthday|birthday (?:is )?(?:coming up|soon|next week|this week|this month|tomorrow|today|around the corner)|feliz cumpleanos|joyeux anniversaire|alles gute zum geburtstag|buon compleanno|feliz aniversario|gefeliciteerd)\b/;

/** "in her early thirties", "in his 40s": someone's age by its decade. */
const AGE_DECADE =
  /\bin (?:her|his|their|your|my) (?:early|mid|late|mid-)?\s*-?\s*(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0'?s)\b/g;

const NUMERIC_DATE = /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g;

function birthHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  // The customer gave the whole date: every part of it is theirs to hear back.
  if (!r.dateOfBirth || ctx.echoDate(r.dateOfBirth)) return [];
  const [y = '', m = '', d = ''] = r.dateOfBirth.split('-');
  const hits: Hit[] = [];
  const hit = (part: string, piece: string, pieceType: Hit['pieceType'] = 'digits') =>
    hits.push({ kind: 'dateOfBirth', part, piece, pieceType });
  const birthTalk = BIRTH_CTX.test(ctx.folded) || ctx.pending.kinds.has('dateOfBirth');
  for (const run of ctx.runs) {
    if (run.digits === y) hit('birth year', y);
    else if (run.digits === y.slice(2) && BIRTH_CTX.test(around(ctx, run.start, run.end)))
      hit('birth year', y);
  }
  // "the 22nd", "on the 22nd of something": the day alone, when birthdays are the topic.
  if (birthTalk) {
    for (const dm of ctx.folded.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\b/g)) {
      if (Number(dm[1]) === Number(d)) hit('birth day', d);
    }
  }
  // "born 3/14": day and month without the year, when birthdays are the topic.
  if (birthTalk) {
    for (const dm of ctx.folded.matchAll(/(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})(?![\d/-]|\.\d)/g)) {
      const [a, b] = [Number(dm[1]), Number(dm[2])];
      if ((a === Number(m) && b === Number(d)) || (a === Number(d) && b === Number(m)))
        hit('date of birth', `${m}${d}`);
    }
  }
  for (const dm of ctx.folded.matchAll(NUMERIC_DATE)) {
    if (dateCandidates(dm[0]).includes(r.dateOfBirth)) hit('date of birth', `${y}${m}${d}`);
  }
  const decade = y.slice(2, 3);
  const decadeRe = new RegExp(`\\b(?:${y.slice(0, 3)}0|'?${decade}0)'?s\\b|\\b${DECADES[Number(decade)]}\\b`);
  if (birthTalk && DECADES[Number(decade)] && decadeRe.test(ctx.folded)) hit('birth decade', y.slice(0, 3));
  // "you'd be turning 40 this year": an age is the birth year, give or take the birthday.
  const born = Number(y);
  if (born > 1900) {
    const year = new Date(ctx.input.now ?? Date.now()).getUTCFullYear();
    for (const am of ctx.folded.matchAll(AGE_SAID)) {
      const age = Number(am[1] ?? am[2] ?? am[3]);
      if (Math.abs(year - born - age) <= 1 || (age === year - born + 1 && /\bturn/.test(am[0])))
        hit('age', y);
    }
    // "in her early thirties": an age said by its decade is the birth year, give or take five.
    for (const am of ctx.folded.matchAll(AGE_DECADE)) {
      const word = am[1]!;
      const tens = /^\d/.test(word) ? Number(word.slice(0, 1)) : DECADES.indexOf(word);
      if (tens >= 2 && Math.floor((year - born) / 10) === tens) hit('age', y);
    }
  }
  // "Happy early birthday!", "your birthday is coming up": the birthday is near, said without a date.
  // The piece is the month: only a customer who typed it already knows what this tells.
  if (BIRTHDAY_NEAR.test(ctx.folded))
    hit('birth month', MONTH_NAMES[Number(m) - 1]?.[0] ?? 'birthday', 'word');
  // "a Pisces", "a spring baby", "in the first quarter": the birth month said another way.
  const month = Number(m);
  const dayN = Number(d);
  if (birthTalk || /\b(?:sign|zodiac|star|horoscope)\b/.test(ctx.folded)) {
    const sign = zodiacOf(month, dayN);
    if (sign && new RegExp(`\\b${sign}s?\\b`).test(ctx.folded)) hit('birth month', sign, 'word');
  }
  if (birthTalk) {
    for (const [re, nm, nd] of NAMED_DAYS) {
      const said = nm === month ? re.exec(ctx.folded)?.[0] : undefined;
      if (said) hit(nd === dayN ? 'date of birth' : 'birth month', said, 'word');
    }
    // Only in a sentence about someone's birthday, not one about a sale or an event.
    for (const sentence of ctx.folded.split(/[.!?\n]+/)) {
      const personal = PERSONAL_BIRTH.test(sentence) || ctx.pending.kinds.has('dateOfBirth');
      if (!personal || EVENT_CTX.test(sentence) || PROMO.test(sentence)) continue;
      for (const [re, months] of MONTH_HINTS) {
        const said = months.includes(month) ? re.exec(sentence)?.[0] : undefined;
        if (said) hit('birth month', said, 'word');
      }
    }
  }
  const monthNames = (MONTH_NAMES[Number(m) - 1] ?? []).filter((n) => n.length >= 3);
  const said = monthNames.some((name) => wordHit(ctx, name));
  // A month is only a birth month when birthdays are the topic, or when it comes with the birth day.
  const day = `${Number(d)}(?:st|nd|rd|th)?`;
  const names = monthNames.map(escapeRe).join('|');
  const withDay = new RegExp(
    `\\b(?:${names})\\.?\\s+${day}\\b|\\b${day}\\s+(?:of\\s+|de\\s+)?(?:${names})\\b`,
  );
  if (said && (birthTalk || datedLikeBirth(ctx.folded, withDay))) hit('birth month', monthNames[0]!, 'word');
  return hits;
}

/** What happens on a date besides a birth: a refund issued on March 2 is no birthday. */
const EVENT_CTX =
  /\b(?:ship|shipped|ships|shipping|deliver|delivered|delivery|arrive|arrives|arrived|arrival|refund|refunded|issued|order|ordered|placed|charge|charged|return|returned|dispatch|dispatched|expect|expected|due|open|opens|closed|closes|sale|until|by|posted|paid|payment|booked|appointment|scheduled|estimate|renew|renews|expires?)\b/;

function datedLikeBirth(folded: string, withDay: RegExp): boolean {
  for (const s of folded.split(/[.!?\n]+/)) if (withDay.test(s) && !EVENT_CTX.test(s)) return true;
  return false;
}

/**
 * "Our Porto store", "the Portland warehouse": a place named as where the business is, said once.
 * The business's own locations are not the customer's address, though they share the city.
 */
const BUSINESS_SITE =
  '(?:store|shop|branch|warehouse|office|outlet|location|depot|showroom|hub|team|centre|center|facility|site|boutique|studio)s?';
function businessPlace(ctx: GuardContext, word: string): boolean {
  const w = escapeRe(fold(word));
  const all = ctx.folded.match(new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
  if (all !== 1) return false;
  return new RegExp(
    `\\b(?:our|the)\\s+(?:\\w+\\s+){0,2}?${w}\\s+(?:\\w+\\s+)?${BUSINESS_SITE}\\b|\\b(?:our|the)\\s+${BUSINESS_SITE}\\s+(?:in|at)\\s+${w}\\b`,
  ).test(ctx.folded);
}

/** Every piece of `record`'s on-file data that appears in the agent text. */
/** Several rules ask for the same record's hits in one message: computed once per context and record. */
const HITS = new WeakMap<GuardContext, Map<AccountRecord, readonly Hit[]>>();

export function onFileHits(ctx: GuardContext, record: AccountRecord): readonly Hit[] {
  let byRecord = HITS.get(ctx);
  if (!byRecord) {
    byRecord = new Map();
    HITS.set(ctx, byRecord);
  }
  let hits = byRecord.get(record);
  if (!hits) {
    hits = computeHits(ctx, record);
    byRecord.set(record, hits);
  }
  return hits;
}

function computeHits(ctx: GuardContext, record: AccountRecord): Hit[] {
  return [
    ...nameHits(ctx, record),
    ...emailHits(ctx, record),
    ...phoneHits(ctx, record),
    ...cardHits(ctx, record),
    ...addressHits(ctx, record),
    ...birthHits(ctx, record),
    ...initialHits(ctx, record),
  ];
}

function initialHits(ctx: GuardContext, r: AccountRecord): Hit[] {
  const said = statedInitials(ctx);
  if (said.size === 0) return [];
  const hits: Hit[] = [];
  const check = (kind: OnFileKind, part: string, value: string) => {
    const v = fold(value);
    if (v && said.has(v[0]!)) hits.push({ kind, part, piece: v, pieceType: 'word' });
  };
  for (const e of r.emails) check('email', 'first letter of the email', e.split('@')[0] ?? '');
  for (const t of nameTokens(r.name)) check('name', 'first letter of the name', t);
  for (const a of r.addresses)
    for (const w of addressParts(a).streetWords) check('address', 'first letter of the street', w);
  return hits;
}

/** Identity data digits are part of; "order number" and the like are references, not identity. */
const FRAGMENT_TOPIC =
  /\b(?:phone|mobile|cell|telephone|landline|line|sim|card|visa|mastercard|amex|debit|credit|telefono|movil|numero|nummer|handynummer|tarjeta|carte|karte|kreditkarte|ec-karte|cartao|carta|(?<!(?:order|tracking|case|ticket|model|serial|item|reference|confirmation|invoice|part|sku|track|parcel|package|return|rma)\s)number)\b/;
const LAST_N =
  /\blast (?:(?:one|two|three|four|five|six|[1-6])\s+)?(?:digits?|numbers?)?(?:\s+(?:of (?:it|the \w+|your \w+|her \w+|his \w+)))?(?:\s+(?:are|is|were|was|being))?\s*:?\s*$/;

/**
 * Digits the agent states as the end or start of a phone or card ("her number ends in 0126", "last four
 * are 4242"), whoever's they are. Only the digits, for echo and ownership checks.
 */
const REFERENCE_WORDS =
  /\b(?:order|tracking|track|parcel|package|shipment|case|ticket|ref|reference|invoice|confirmation|receipt|booking|transaction|sku|item|model|serial)\b/;
const COUNT_OF_DIGITS = /^\s+(?:digits?|numbers?|characters?|and|or|&|of)\b/;

export function statedFragments(ctx: GuardContext): string[] {
  const out: string[] = [];
  for (const r of ctx.runs) {
    if (r.digits.length > 6 || notIdentityDigits(ctx, r)) continue;
    const before = ctx.folded.slice(Math.max(0, r.start - 40), r.start);
    if (!endsWithPhrase(before) && !startsWithPhrase(before) && !LAST_N.test(before)) continue;
    // "the last 4 and expiry are shown…": a count of digits, not digits.
    if (COUNT_OF_DIGITS.test(ctx.folded.slice(r.end, r.end + 16)) && r.digits.length === 1) continue;
    const sentence = ctx.folded.slice(Math.max(0, r.start - 80), r.end + 40);
    // "o dela termina em 1047" after "e o telefone dela?": the topic may be the customer's question.
    const asked =
      (ctx.pending.kinds.has('phone') || ctx.pending.kinds.has('card')) && !REFERENCE_WORDS.test(sentence);
    if (FRAGMENT_TOPIC.test(sentence) || asked) out.push(r.digits);
  }
  return out;
}

/** The companies behind consumer mail domains, as agents name them ("it's a Google address"). */
const PROVIDER_OWNERS: Readonly<Record<string, readonly string[]>> = {
  gmail: ['google'],
  googlemail: ['google'],
  hotmail: ['microsoft', 'msn'],
  outlook: ['microsoft', 'hotmail'],
  live: ['microsoft', 'hotmail', 'outlook'],
  msn: ['microsoft', 'hotmail', 'outlook'],
  icloud: ['apple'],
  me: ['apple', 'icloud'],
  mac: ['apple', 'icloud'],
  ymail: ['yahoo'],
  yahoo: ['ymail'],
  aol: ['verizon'],
  btinternet: ['bt'],
  proton: ['protonmail'],
  protonmail: ['proton'],
};

/** Consumer mail providers: saying which one someone uses narrows their address as much as a domain. */
const MAIL_PROVIDERS =
  'gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|aol|proton(?:mail)?|gmx|fastmail|zoho|yandex|btinternet|bigpond|optusnet|comcast|verizon|sbcglobal|att|eircom|sapo|libero|orange|wanadoo|t-online|web\\.de|mail\\.com|mail\\.ru|seznam|shaw|rogers|telus|virginmedia|sky|tiscali|qq|163|naver';
const PROVIDER_SAID = new RegExp(
  `\\b(?:at|on|with|through|via|from|an?|@)\\s+(?:an?\\s+)?(${MAIL_PROVIDERS})\\b|\\b(${MAIL_PROVIDERS})\\s+(?:address|account|e-?mail|one|domain)\\b`,
  'g',
);
const EMAIL_WORD = /\b(?:e-?mails?|inbox|address|domain|provider)\b/;

/**
 * Mail providers the agent attributes to an email ("his email is at gmail", "it's a yahoo one"), in
 * statements: whose email it is does not matter, only that the customer did not say it.
 */
export function statedProviders(ctx: GuardContext): string[] {
  const out: string[] = [];
  for (const s of ctx.sentences) {
    if (s.question) continue;
    const f = plainSentence(s.text);
    if (!EMAIL_WORD.test(f) && !ctx.pending.kinds.has('email')) continue;
    for (const m of f.matchAll(PROVIDER_SAID)) out.push((m[1] ?? m[2])!);
  }
  return out;
}

const plainSentence = (s: string): string => fold(s).replace(/[\u2018\u2019]/g, "'");
