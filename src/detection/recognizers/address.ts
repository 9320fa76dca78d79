import type { Finding } from '../../core/finding.js';
import { matchAll } from '../context.js';
import type { Recognizer, ScanInput } from '../types.js';
import {
  ADDRESS_STOP,
  AU_TAIL_RE,
  CITY_ONLY_RE,
  COUNTRY_RE,
  EU_TAIL_RE,
  INTL_TAIL_RE,
  BR_TAIL_RE,
  CITY_AFTER_ZIP_RE,
  POSTCODE_CUE_FAR_RE,
  POSTCODE_CUE_RE,
  stickyEnd,
  UK_TAIL_RE,
  UNIT_RE,
  US_STATE_TAIL_RE,
  US_TAIL_RE,
} from './places/address-tail.js';
import { cuedAddresses, structuredAddresses } from './places/cued-address.js';
import { spelledRunAt } from './support/spelled-digits.js';
import { isCommonWord, PRODUCT_HEADS } from './names/lexicon.js';
import { PLACE_NAMES } from './places/place-names.js';
import { DIRECTIONALS, PREFIX_STREET_TYPES, QUANTITY_WORDS, STREET_SUFFIXES } from './places/street-types.js';

/**
 * ADDRESS: a street-level address as one span — house number, street, unit, then city / state /
 * postcode when they follow — in US, UK, German-style ("Hauptstraße 12, 80331 München") and Romance
 * ("12 rue de la Paix", "Calle Mayor 10") orders, plus PO boxes. A city named on its own is not an
 * address. The span stops where the sentence moves on ("…, not the old one", "… mobile 555…").
 */
export const addressRecognizer: Recognizer = {
  id: 'address',
  types: ['ADDRESS'],
  detect(input: ScanInput): Finding[] {
    const out: Finding[] = [];
    spokenNumberFirst(input, out);
    if (!/\d/.test(input.text)) return out;
    if (EAST_ASIAN.test(input.text) || input.text.includes('-chome') || input.text.includes('-ku'))
      eastAsian(input, out);
    numberFirst(input, out);
    nameFirst(input, out);
    namedStreetPostcode(input, out);
    numberlessStreet(input, out);
    poBoxes(input, out);
    postcodes(input, out);
    cuedParts(input, out);
    return out;
  },
};

const ADDRESS_CUE_BEFORE =
  /(?:deliver(?:ed|y)?(?: it| them| this)?(?: to)?|ship(?:ped|ping)?(?: it| them)?(?: to)?|send(?: it| them)?(?: to)?|sent(?: it)? to|mail(?: it)? to|post(?: it)? to|(?:add?ress?e?|addy|addie)(?: for (?:the |my |this )?[a-z]+)?(?: is| was|:| to| =| now| should be)?|addr\.?:?|live at|living at|lives at|reside at|resides at|residing at|stay at|staying at|stays at|moved to|move to|moving to|go(?:es)? to|drop(?: it)?(?: off)? at|located at|bring it to|forward(?: it)? to|adresse(?: ist| est| lautet)?:?|anschrift:?|wohne in der|wohne in|dirección(?: es)?:?|direccion(?: es)?:?|domicilio(?: es)?:?|endereço(?: é)?:?|indirizzo(?: è)?:?|envoyer à|livrer à|enviar a|enviar para|entregar em|morada:?|adres:?|woonadres:?|afleveradres:?|bezorgadres:?|bezorgen op|leveren op|spedi(?:te|re|sci)? a|consegna(?:re)? a|livrez au|livrez à|wohnen in der|wohnen in|wohnhaft in)(?:[ \t:,-]|\.{2,})*$/;

const hasCue = (lower: string, start: number): boolean =>
  ADDRESS_CUE_BEFORE.test(lower.slice(Math.max(0, start - 48), start));

const STOP = new Set(ADDRESS_STOP.split('|'));
const WORD_RE = /[\p{L}\d][\p{L}\p{M}\d'’-]*\.?/uy;
const BLANKS_RE = /[ \t]+/y;

interface Word {
  start: number;
  end: number;
  /** Lowercase, trailing dot removed. */
  w: string;
  dotted: boolean;
}

function wordAt(lower: string, pos: number): Word | undefined {
  WORD_RE.lastIndex = pos;
  const m = WORD_RE.exec(lower);
  if (!m) return undefined;
  const dotted = m[0].endsWith('.');
  return { start: pos, end: pos + m[0].length, w: dotted ? m[0].slice(0, -1) : m[0], dotted };
}

/** Words on the same line separated by blanks only, up to `max`. */
function wordsFrom(lower: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  let i = pos;
  while (words.length < max) {
    BLANKS_RE.lastIndex = i;
    if (!BLANKS_RE.exec(lower)) break;
    const w = wordAt(lower, BLANKS_RE.lastIndex);
    if (!w) break;
    words.push(w);
    i = w.end;
    if (w.dotted && !DIRECTIONALS.has(w.w) && w.w !== 'st' && w.w !== 'mt' && w.w !== 'ft') break;
  }
  return words;
}

const ORDINAL = /^\d{1,4}(?:st|nd|rd|th)$/;
const isStreetNameWord = (w: string): boolean =>
  !STOP.has(w) && !QUANTITY_WORDS.has(w) && (/^\p{L}/u.test(w) || ORDINAL.test(w));
/** Glue words in prose that also open real street names ("Old Mill Hwy", "New Street"): fine before a suffix. */
const STREET_LEAD = new Set(['old', 'new']);
/** Calendar words: "delivered 18 March", "arrives 3 Mon" are dates, whatever cue precedes them. */
const DATE_WORDS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed ' +
    'thu thur thurs fri sat sun januar februar märz mai juni juli oktober dezember enero febrero marzo abril ' +
    'mayo junio julio agosto septiembre octubre noviembre diciembre janvier février mars avril juin juillet ' +
    'août septembre octobre novembre décembre pm am uhr h'
  ).split(' '),
);
/** A unit written before the house number: "Flat 3, 133 Station Road", "unit 9/117 Wattle St". */
const UNIT_BEFORE =
  /(?:^|[^\p{L}])((?:flat|unit|apt|apartment|suite|ste|appt|wohnung|level|lvl|floor|block|blk|bldg|building|plot|lot|house|door|room|shop)\.?[ \t]*(?:no\.?[ \t]*)?#?[ \t]*(?:[a-z]?\d{1,4}[a-z]?[ \t]*(?:,[ \t]*|[ \t]+))?)$/u;

const STREET_NUMBER_AFTER = /^[ \t]+\d{1,3}(?=[ \t]*,)/;
const NEXT_LINE = /^[ \t]*,?[ \t]*\r?\n[ \t]*/;
const LINE_ENDS = /^[ \t]*(?:$|\r?\n|[.!,;)])/;

/** Unit, then the longest of the regional tails, then a country. Returns the new end and what was seen. */
function extendTail(
  lower: string,
  end: number,
): { end: number; unit: boolean; postal: boolean; city: boolean } {
  let unit = false;
  for (let k = 0; k < 2; k++) {
    const e = stickyEnd(UNIT_RE, lower, end);
    if (e < 0) break;
    end = e;
    unit = true;
  }
  let best = -1;
  let postal = false;
  // Every postcode has a digit: with none in reach, the postcode tails (the costliest patterns) can't match.
  const postcodeInReach = /\d/.test(lower.slice(end, end + 160));
  for (const re of postcodeInReach ? POSTCODE_TAILS : []) {
    const e = stickyEnd(re, lower, end);
    if (e > best) {
      best = e;
      postal = true;
    }
  }
  if (best > 0 && /\d$/.test(lower.slice(best - 1, best))) {
    const c = stickyEnd(CITY_AFTER_ZIP_RE, lower, best);
    if (c > 0) best = c;
  }
  let city = false;
  if (best < 0) {
    for (const re of [US_STATE_TAIL_RE, CITY_ONLY_RE]) {
      const e = stickyEnd(re, lower, end);
      if (e > best) best = e;
    }
    city = best > 0;
  }
  if (best < 0) {
    // Pasted labels put the town on its own line ("19 Marlborough Street\nBrighton BN1 3EG"): a next
    // line that is nothing but a postal tail belongs to the street above it.
    // The town may have a line of its own too ("14 Rosemary Gardens\nCheltenham\nGL50 3PP"): the
    // tail is read with its next line break standing in for a comma (same offsets).
    const nl = NEXT_LINE.exec(lower.slice(end, end + 4));
    if (nl) {
      const from = end + nl[0].length;
      const cut = lower.indexOf('\n', from);
      const flat =
        cut < 0 || !/^[ \t]*\p{L}[^\n\d]{0,40}\n[ \t]*[\p{L}\d]/u.test(lower.slice(from, cut + 12))
          ? lower
          : `${lower.slice(0, cut)},${lower.slice(cut + 1)}`;
      for (const re of [US_TAIL_RE, UK_TAIL_RE, EU_TAIL_RE, AU_TAIL_RE]) {
        const e = stickyEnd(re, flat, from);
        if (e > best && LINE_ENDS.test(lower.slice(e, e + 3))) {
          best = e;
          postal = true;
        }
      }
    }
  }
  if (best > 0) {
    end = best;
    const c = stickyEnd(COUNTRY_RE, lower, end);
    if (c > 0 && /^[ \t]*,/.test(lower.slice(end, c))) end = c;
  }
  return { end, unit, postal, city };
}

/**
 * "…, 10122 Torino TO", "…, 03940 Ciudad de México, CDMX", "…, 75008 Paris IDF": a province or state code
 * in capitals after a town that follows a postcode belongs to the address. Only when the span already
 * holds a postcode (four or more digits) and the code ends the clause; chat shorthand is not a region.
 */
const REGION_CODE_AFTER = /^[ \t]*,?[ \t]*(\p{Lu}{2,4})(?=[ \t]*(?:$|[\n.!?;,)]))/u;
const NOT_REGION = new Set([
  'OK',
  'PLS',
  'PLZ',
  'ASAP',
  'FYI',
  'BTW',
  'PS',
  'NB',
  'THX',
  'TY',
  'LOL',
  'TIA',
  'IMO',
  'ETA',
]);

function regionCodeEnd(text: string, start: number, end: number): number {
  if (!/\p{L}$/u.test(text.slice(end - 1, end)) || !/\d{4}/.test(text.slice(start, end))) return end;
  const m = REGION_CODE_AFTER.exec(text.slice(end, end + 12));
  if (!m || NOT_REGION.has(m[1]!)) return end;
  return end + m[0].length;
}

function emit(
  out: Finding[],
  text: string,
  start: number,
  end: number,
  score: number,
  reasons: string[],
): void {
  if (score <= 0) return;
  end = regionCodeEnd(text, start, end);
  out.push({
    type: 'ADDRESS',
    start,
    end,
    score: Math.min(0.97, score),
    recognizer: 'address',
    value: text.slice(start, end),
    reasons,
  });
}

const NUM_W =
  'zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand';
/** A house number dictated to voice-to-text: "twelve", "four twenty two", "nineteen oh five". */
const SPOKEN_HOUSE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${NUM_W})(?:[ \\t-]+(?:${NUM_W})){0,4}(?=[ \\t]+\\p{L})`,
  'gu',
);
const SPOKEN_NUMBER = new RegExp(`^(?:${NUM_W}|\\d{1,4}[a-z]?|[a-z])$`, 'u');
const SPOKEN_DIGITS = new RegExp(`^(?:${NUM_W}|\\d{1,4}[a-z]?)$`, 'u');
const SPOKEN_STREET =
  /^(?:street|st|avenue|ave|road|rd|lane|ln|drive|boulevard|blvd|highway|hwy|parkway|pkwy)$/;
const SPOKEN_UNIT = new Set(['apartment', 'apt', 'unit', 'suite', 'flat', 'number', 'floor']);

/**
 * "i live at twelve oak street springfield", "my address is four twenty two birch avenue apartment six
 * portland oregon": no digits and no punctuation, so an address cue, number words and a street type
 * decide, and the uncommon words that follow on the same line are the city and state.
 */
function spokenNumberFirst({ text, lower }: ScanInput, out: Finding[]): void {
  if (
    !/street|st\b|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|way|boulevard|blvd|place|pl|terrace|close|crescent|circle|parkway|highway|hwy/.test(
      lower,
    )
  )
    return;
  for (const m of matchAll(SPOKEN_HOUSE, lower)) {
    const start = m.index;
    if (!hasCue(lower, start)) continue;
    const words = wordsFrom(lower, start + m[0].length, 12);
    let k = 0;
    // A street type word may name the street when a plain type follows: "station road", "park avenue".
    while (
      k < words.length &&
      k < 3 &&
      isStreetNameWord(words[k]!.w) &&
      (!STREET_SUFFIXES.has(words[k]!.w) || SPOKEN_STREET.test(words[k + 1]?.w ?? ''))
    )
      k++;
    if (k === 0 || k >= words.length || !STREET_SUFFIXES.has(words[k]!.w)) continue;
    let end = words[k]!.end;
    const plainSuffix = SPOKEN_STREET.test(words[k]!.w);
    k++;
    const streetEnd = end;
    if (k + 1 < words.length && SPOKEN_UNIT.has(words[k]!.w) && SPOKEN_NUMBER.test(words[k + 1]!.w)) {
      k += 2;
      while (k < words.length && SPOKEN_DIGITS.test(words[k]!.w)) k++;
      end = words[k - 1]!.end;
    }
    const withPostcode = spokenPostcodeEnd(lower, words, k);
    if (withPostcode > 0) end = withPostcode;
    else
      for (let n = 0; n < 3 && k < words.length; n++, k++) {
        const w = words[k]!.w;
        if (STOP.has(w) || isCommonWord(w) || !/^\p{L}+$/u.test(w)) break;
        end = words[k]!.end;
      }
    // "moved to one bigger place": "place", "way", "court" are everyday words; a city or unit must follow
    if (!plainSuffix && end === streetEnd) continue;
    emit(out, text, start, end, 0.85, ['spoken-house-number', 'address-cue']);
  }
}

/** A spoken UK postcode: "c m twenty three two e x", "s w one a one a a". */
const SPOKEN_UK_POSTCODE = new RegExp(
  `(?:[a-z][ \\t]+){1,2}(?:${NUM_W}|[a-z])(?:[ \\t]+(?:${NUM_W}|[a-z])){0,4}?[ \\t]+(?:${NUM_W})[ \\t]+[a-z][ \\t]+[a-z](?![\\p{L}\\p{N}])`,
  'uy',
);

/**
 * After a spoken street: up to three town/state words (any words but glue), then a postcode read aloud,
 * a US ZIP in digit words ("columbus ohio four three two oh one") or a UK postcode in letters and numbers.
 * Returns the postcode's end, or -1 when none follows.
 */
function spokenPostcodeEnd(lower: string, words: readonly Word[], k: number): number {
  for (let n = 0; n <= 3 && k + n < words.length; n++) {
    const at = words[k + n]!.start;
    const zip = spelledRunAt(lower, at, 5, 5);
    if (n > 0 && zip && (zip.digits.length === 5 || zip.digits.length === 9)) return zip.end;
    if (n > 0 && stickyEnd(SPOKEN_UK_POSTCODE, lower, at) > 0)
      return stickyEnd(SPOKEN_UK_POSTCODE, lower, at);
    const w = words[k + n]!.w;
    if (STOP.has(w) || !/^\p{L}+$/u.test(w) || SPOKEN_DIGITS.test(w)) return -1;
  }
  return -1;
}

// "9/117" is unit 9 at number 117 (Australian style); "69, rue …" puts a comma after the number (French).
// A colon is a form label ("adress:27 …") unless a digit precedes it, as in a time ("10:30").
const HOUSE_NUMBER =
  /(?<![\p{L}\d.,/$€£#+*-])(?<!\d:)(?:\d{1,4}[a-z]?\/)?\d{1,6}(?:-\d{1,4})?[a-z]?(?:[ \t]?½)?(?:[ \t]+(?:bis|ter|quater)(?=[ \t]))?(?=,?[ \t]+[\p{L}\d])/gu;
const LOWER_CASE_ONLY = /^[^\p{Lu}]*$/u;

/** "7308 E 11th Street, Apt 4C …", "57 nakia drove, …", "12 rue de la Paix, 75002 Paris". */
function numberFirst({ text, lower }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(HOUSE_NUMBER, lower)) {
    const start = m.index;
    const numEnd = start + m[0].length;
    const comma = lower.charAt(numEnd) === ',';
    const words = wordsFrom(lower, comma ? numEnd + 1 : numEnd, 6);
    if (words.length === 0) continue;
    // After "12," only a Romance street type continues an address; anything else is a list.
    if (comma && !PREFIX_STREET_TYPES.has(words[0]!.w)) continue;
    const cued = hasCue(lower, start);

    let streetEnd = -1;
    let kind = '';
    const first = words[0]!;
    if (PREFIX_STREET_TYPES.has(first.w) && words.length > 1) {
      // Romance order after the number: "12 rue de la Paix"
      let k = 1;
      while (k < words.length && k < 6 && !STOP.has(words[k]!.w) && !/^\d/.test(words[k]!.w)) k++;
      if (k > 1) {
        streetEnd = words[k - 1]!.end;
        kind = 'prefix-type';
      }
    } else {
      const skip = DIRECTIONALS.has(first.w) && words.length > 2 ? 1 : 0;
      let lastSuffix = -1;
      for (let k = skip; k < words.length; k++) {
        const w = words[k]!.w;
        // French "est" is "is" ("35 mais le site dit qu'il est …"); as "Estates" it is written capitalised
        const suffix = STREET_SUFFIXES.has(w) && !(w === 'est' && text.charAt(words[k]!.start) === 'e');
        if (k > skip && suffix) lastSuffix = k;
        if (!isStreetNameWord(w) && !(k > skip && suffix) && !(k === skip && STREET_LEAD.has(w))) break;
        if (words[k]!.dotted && k > skip) break;
      }
      if (lastSuffix > 0) {
        let k = lastSuffix;
        const post = words[k + 1];
        if (
          post &&
          DIRECTIONALS.has(post.w) &&
          // "Fitzwilliam Sq East, Dublin 2": a directional word closing the street before a comma
          (post.w.length <= 2 || /^[ \t]*(?:,|\r?\n|$)/.test(lower.slice(post.end, post.end + 3))) &&
          !/^[ \t]*\d/.test(lower.slice(post.end))
        )
          k++;
        streetEnd = words[k]!.end;
        // Numbered streets of one name ("Ang Mo Kio Avenue 6, …", "Sheikh Zayed Road 2,"): the number
        // belongs to the street when a comma follows it.
        const numbered = STREET_NUMBER_AFTER.exec(lower.slice(streetEnd, streetEnd + 6));
        if (numbered) streetEnd += numbered[0].length;
        kind = 'suffix';
      } else if (cued) {
        // A strong cue vouches for an unknown street type ("57 nakia drove", "14318 Hillside").
        let k = 0;
        while (
          k < words.length &&
          k < 4 &&
          isStreetNameWord(words[k]!.w) &&
          !DATE_WORDS.has(words[k]!.w) &&
          !/^\d/.test(words[k]!.w)
        ) {
          k++;
          if (words[k - 1]!.dotted) break;
        }
        if (k > 0) {
          streetEnd = words[k - 1]!.end;
          kind = 'cued';
        }
      }
    }
    if (streetEnd < 0) continue;
    const unitBefore = UNIT_BEFORE.exec(lower.slice(Math.max(0, start - 24), start));
    const spanStart = unitBefore ? start - unitBefore[1]!.length : start;
    const tail = extendTail(lower, streetEnd);
    // "St." keeps its dot only when the address goes on; a sentence-ending dot is not part of it.
    if (tail.end === streetEnd && lower.charAt(streetEnd - 1) === '.') tail.end--;
    const value = text.slice(start, streetEnd);
    const caps = !LOWER_CASE_ONLY.test(value);
    const digits = m[0].replace(/\D/g, '').length;
    let score: number;
    if (kind === 'cued')
      score = tail.postal || tail.unit || tail.city || caps ? 0.85 : words.length > 1 ? 0.7 : 0.6;
    else if (cued) score = 0.92;
    else if (tail.postal) score = 0.9;
    else
      score =
        (caps ? 0.65 : 0.55) + (digits >= 2 ? 0.05 : -0.1) + (tail.unit ? 0.15 : 0) + (tail.city ? 0.1 : 0);
    if (kind === 'prefix-type' && !cued && !tail.postal && !tail.unit) score -= 0.1;
    // "does the Jordan 4 Retro run small?": capitalised words then a street type in lower case is a
    // product model and a verb, not a street; people write a street's name and type the same way.
    if (
      kind === 'suffix' &&
      !cued &&
      !tail.postal &&
      !tail.unit &&
      !tail.city &&
      (caseBreak(text, numEnd, streetEnd) || modelNumber(text, start, lower.slice(numEnd, streetEnd)))
    )
      continue;
    // "SGD 85 each way", "2 one way", "3 the other way": a quantity and a direction, not a street.
    if (
      kind === 'suffix' &&
      !cued &&
      !tail.postal &&
      !tail.unit &&
      quantityPhrase(lower.slice(numEnd, streetEnd))
    )
      continue;
    const reasons = [
      kind,
      ...(cued ? ['cue'] : []),
      ...(tail.postal ? ['postcode'] : []),
      ...(tail.unit ? ['unit'] : []),
    ];
    emit(out, text, spanStart, tail.end, score + (unitBefore ? 0.05 : 0), reasons);
  }
}

/** Words that make "<number> … way/side/end" a quantity or a direction. */
const DETERMINERS = new Set(
  'each one both either every any no half all the this that other same long right wrong per a an'.split(' '),
);
/** Currency codes a price may carry before "each way": "35 GBP each way". */
const CURRENCY_CODES = new Set(
  'usd eur gbp aud cad nzd sgd hkd inr jpy chf sek nok dkk pln zar brl mxn aed php ngn kes'.split(' '),
);
const quantityPhrase = (street: string): boolean => {
  const words = street
    .trim()
    .split(/[ \t]+/)
    .slice(0, -1);
  return (
    words.some((w) => DETERMINERS.has(w)) && words.every((w) => DETERMINERS.has(w) || CURRENCY_CODES.has(w))
  );
};

const POSTCODE_TAILS = [US_TAIL_RE, UK_TAIL_RE, EU_TAIL_RE, AU_TAIL_RE, INTL_TAIL_RE, BR_TAIL_RE];

/** British street types that are everyday nouns too ("Power Bank", "Wireless Charging Station"). */
const AMBIGUOUS_SUFFIX = new Set(
  'bank end side gate yard rise fold hey nook drove mead strand wharf chase row walk run pass view park point station mall center centre club plaza hub'.split(
    ' ',
  ),
);
/**
 * "Anker 737 Power Bank", "Logitech 920 Media Station": a capitalised brand right before the number and
 * a street type that is also an everyday noun, with nothing after it that an address has, is a model.
 */
function modelNumber(text: string, start: number, street: string): boolean {
  const last =
    street
      .trim()
      .split(/[ \t]+/)
      .at(-1) ?? '';
  if (!AMBIGUOUS_SUFFIX.has(last)) return false;
  return /\p{Lu}[\p{L}\p{M}'’-]*[ \t]+$/u.test(text.slice(Math.max(0, start - 24), start));
}

/** Street types that are nothing but street types: written in lower case they still name a street. */
const PLAIN_STREET_TYPE =
  /^(?:street|st|avenue|ave|av|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|place|pl|highway|hwy|terrace|crescent|parkway|pkwy)\.?$/;

/**
 * The street words after the number start capitalised but the last one, the type, is an everyday word
 * ("run", "way", "walk", "park") in lower case: a product and a verb or noun, not a street.
 */
function caseBreak(text: string, from: number, streetEnd: number): boolean {
  const words = text
    .slice(from, streetEnd)
    .trim()
    .split(/[ \t]+/);
  const last = words.at(-1) ?? '';
  return (
    words.length >= 2 &&
    /^\p{Lu}/u.test(words[0]!) &&
    LOWER_CASE_ONLY.test(last) &&
    !PLAIN_STREET_TYPE.test(last) &&
    isCommonWord(last)
  );
}

const GERMAN_SUFFIX =
  'straße|strasse|str\\.|str|weg|platz|allee|gasse|damm|ufer|chaussee|steig|pfad|ring|markt|graben|stieg|gracht|laan|plein|kade|dijk|vej|gade|gatan|vägen|väg|gata|veien|vei|' +
  // Dutch, Russian, Hungarian, Finnish, Nordic, Polish name-first types
  'straat|steeg|singel|prospekt|prospect|utca|katu|tie|gate|torget|gränd|aleje';
const WEAK_GERMAN_SUFFIX =
  'hof|berg|feld|garten|kamp|wall|tor|brücke|bruecke|siedlung|park|heide|au|tal|bach|höhe|hoehe';
const NAME_WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]*";
const NAME_FIRST = new RegExp(
  `(?<![\\p{L}\\p{M}\\d'’.-])((?:${NAME_WORD}[ \\t]+){0,3}?)((?:${NAME_WORD})?(?:(${GERMAN_SUFFIX})|(${WEAK_GERMAN_SUFFIX})))[ \\t]+(\\d{1,4}(?:bis|ter|[a-z])?(?:[ \\t]*[-/][ \\t]*\\d{1,4}[a-z]?){0,2}(?:-(?:iii|ii|iv|i|hs|bg|h))?)(?![\\p{L}\\p{M}\\d]|[.,]\\d)`,
  'gu',
);
const ROMANCE_FIRST = new RegExp(
  `(?<![\\p{L}\\p{M}\\d])(?:${[...PREFIX_STREET_TYPES].join('|')}|c/|avda\\.|av\\.|r\\.|ul\\.|al\\.|jl\\.|jln\\.?)[ \\t]+((?:${NAME_WORD}[ \\t]+){0,4}?${NAME_WORD})[ \\t]*,?[ \\t]*(?:n[º°o.]?[ \\t]*)?\\d{1,4}[a-z]?(?:\\/\\d{1,4}[a-z]?)?(?![\\p{L}\\p{M}\\d]|[.,]\\d|-\\d{3})`,
  'gu',
);
const GERMAN_PREFIX =
  /^(?:am|an der|an den|auf der|auf dem|im|in der|zum|zur|unter den|hinter der|alte|alter|neue|neuer)[ \t]+/;

/** "Hauptstraße 12, 80331 München", "kumper weg 19", "Calle Mayor 10, 3º B, 28013 Madrid". */
function nameFirst({ text, lower }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(NAME_FIRST, lower)) {
    // The match starts as early as it can; leading words are kept only once they stop being prose.
    // Anything up to the last prose word ("we both reside at") is the sentence, not the street name.
    let start = m.index;
    const prefixEnd = m.index + (m[1]?.length ?? 0);
    for (let p = m.index; p < prefixEnd; ) {
      const w = wordAt(lower, p);
      if (!w) break;
      let next = w.end;
      BLANKS_RE.lastIndex = next;
      if (BLANKS_RE.exec(lower)) next = BLANKS_RE.lastIndex;
      if (STOP.has(w.w) && !GERMAN_PREFIX.test(lower.slice(p, prefixEnd + 1))) start = next;
      p = next;
    }
    // "jag flyttar till Götgatan 44", "skicka examensbeviset till Kungsgatan 12": a street type glued to
    // its name is the whole street; lowercase words before it are the sentence (in any language), unless
    // the message is written all in lowercase.
    const glued = (m[2] ?? '') !== (m[3] ?? m[4]);
    if (glued && start < prefixEnd && !LOWER_CASE_ONLY.test(text.slice(m.index, m.index + m[0].length)))
      for (let p = start; p < prefixEnd; ) {
        const w = wordAt(lower, p);
        if (!w) break;
        BLANKS_RE.lastIndex = w.end;
        const next = BLANKS_RE.exec(lower) ? BLANKS_RE.lastIndex : w.end;
        if (!/^\p{Lu}/u.test(text.charAt(p)) && !GERMAN_PREFIX.test(lower.slice(p, prefixEnd + 1)))
          start = next;
        p = next;
      }
    const prefix = lower.slice(start, prefixEnd);
    // "a ring 5" or "the park 3": the street word alone, with nothing naming it, is not a street.
    const head = m[2] ?? '';
    const weak = m[4] !== undefined;
    const standalone = head === (m[3] ?? m[4]);
    if (standalone && prefix.trim() === '') continue;
    // "livrez au 3 rue …": French "au" is not the German street word "Au" ("In der Au 3").
    if (weak && standalone && head === 'au' && !GERMAN_PREFIX.test(prefix)) continue;
    const streetEnd = m.index + m[0].length;
    const tail = extendTail(lower, streetEnd);
    const cued = hasCue(lower, start);
    // "for Spring 2025", "Wintering 2019": a year after a word that merely ends like a street type
    if (
      /^(?:19|20)\d\d$/.test(m[5] ?? '') &&
      !tail.postal &&
      !tail.unit &&
      !cued &&
      !standalone &&
      prefix.trim() === '' &&
      !/^(?:stra(?:ß|ss)e|str\.?|gatan|gata|vägen|väg|weg|platz|allee|gasse|straat|laan|ulica|utca|katu)$/.test(
        m[3] ?? m[4] ?? '',
      )
    )
      continue;
    let score = tail.postal ? 0.9 : cued ? 0.85 : weak ? 0 : 0.6;
    if (score === 0 && !tail.postal) continue;
    if (tail.unit) score += 0.1;
    emit(out, text, start, tail.end, score, [
      'name-first',
      ...(cued ? ['cue'] : []),
      ...(tail.postal ? ['postcode'] : []),
    ]);
  }
  for (const m of matchAll(ROMANCE_FIRST, lower)) {
    const name = m[1] ?? '';
    if (
      name
        .split(/[ \t]+/)
        .some((w) => STOP.has(w) && !/^(?:de|la|del|das|dos|da|do|di|della|des|du|le|les)$/.test(w))
    )
      continue;
    const streetEnd = m.index + m[0].length;
    const tail = extendTail(lower, streetEnd);
    const cued = hasCue(lower, m.index);
    const score = tail.postal ? 0.9 : cued ? 0.85 : 0.55;
    emit(out, text, m.index, tail.end, score + (tail.unit ? 0.1 : 0), [
      'prefix-type',
      ...(cued ? ['cue'] : []),
    ]);
  }
}

/**
 * "Meir 50, 2000 Antwerpen", "Meir 48 bus 3, 2000 Antwerpen" (Belgian box number), "Vesterbrogade 3, 1620
 * København": a street no type word names, written
 * name-first, is still an address when a European postcode and a town follow it.
 */
const NAME_NUMBER_POSTCODE =
  /(?<![\p{L}\p{M}\d'’.-])(\p{Lu}[\p{L}\p{M}'’.-]+(?:[ \t]+\p{L}[\p{L}\p{M}'’.-]*){0,3}?)[ \t]+\d{1,4}[a-z]?(?:[-/]\d{1,4})?(?:[ \t]+(?:bus|bte|boîte|box)[ \t]*\d{1,4}[a-z]?)?,[ \t]*(?:\d{4,5}|\d{4}[ \t]?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3})[ \t]+\p{Lu}[\p{L}\p{M}'’-]+/gu;

function namedStreetPostcode({ text, lower }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(NAME_NUMBER_POSTCODE, text)) {
    const name = (m[1] ?? '').toLowerCase().split(/[ \t]+/);
    if (name.some((w) => STOP.has(w) || QUANTITY_WORDS.has(w) || DATE_WORDS.has(w) || PRODUCT_HEADS.has(w)))
      continue;
    // The town must read as a place: "Windows 10, 2004 Edition" ends in a dictionary word.
    const town =
      lower
        .slice(m.index, m.index + m[0].length)
        .split(/[ \t]+/)
        .at(-1) ?? '';
    if (isCommonWord(town) && !PLACE_NAMES.has(town)) continue;
    const end = m.index + m[0].length;
    if (out.some((f) => f.start <= m.index && f.end >= end)) continue;
    const tail = extendTail(lower, end);
    emit(out, text, m.index, Math.max(end, tail.end), 0.8, ['name-number-postcode']);
  }
}

/**
 * "Main Street, Kenmare, Co. Kerry V93 FX40", "The Old Rectory, Church Lane, Little Baddow, Chelmsford CM3
 * 4BL": villages and named houses have no house number; a capitalised street with its type, then a town
 * and a postcode, is the address. A house name before it ("The …", "… Cottage") belongs to it.
 */
/** The street before a comma: one to three capitalised words, then the type (checked against the list). */
const NUMBERLESS_STREET =
  /(?<![\p{L}\p{M}\d'’.&-])(?:\p{Lu}[\p{Ll}\p{M}'’-]+[ \t]+){1,3}\p{Lu}[\p{Ll}]+[ \t]*$/u;
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const HOUSE_NAME_BEFORE =
  /(?:^|[,:;\n][ \t]*|(?<![\p{L}])(?:to|at|is|address)[ \t]+)((?:The[ \t]+(?:\p{Lu}[\p{Ll}\p{M}'’-]+[ \t]+){0,2}\p{Lu}[\p{Ll}\p{M}'’-]+|(?:\p{Lu}[\p{Ll}\p{M}'’-]+[ \t]+){1,2}(?:Cottage|House|Farm|Farmhouse|Lodge|Barn|Mill|Manor|Hall|Grange|Rectory|Vicarage|Villa|Bungalow|Cottages))[ \t]*,[ \t]*)$/u;

function numberlessStreet({ text, lower }: ScanInput, out: Finding[]): void {
  for (let comma = text.indexOf(','); comma > 0; comma = text.indexOf(',', comma + 1)) {
    // cheap first, without allocating: the word before the comma is a capitalised street type
    let e = comma;
    while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    let b = e;
    while (b > 0 && e - b < 12 && isAsciiLower(text.charCodeAt(b - 1))) b--;
    if (b === e || b === 0 || !isAsciiUpper(text.charCodeAt(b - 1))) continue;
    const type = lower.slice(b - 1, e);
    if (!STREET_SUFFIXES.has(type) || AMBIGUOUS_SUFFIX.has(type) || type === 'est') continue;
    const before = text.slice(Math.max(0, comma - 64), comma);
    const m = NUMBERLESS_STREET.exec(before);
    if (!m) continue;
    const startAt = comma - before.length + m.index;
    const end = startAt + m[0].trimEnd().length;
    const words = lower.slice(startAt, end).split(/[ \t]+/);
    if (words.slice(0, -1).some((w) => STOP.has(w) || DATE_WORDS.has(w) || PRODUCT_HEADS.has(w))) continue;
    if (out.some((f) => f.start <= startAt && f.end >= end)) continue;
    const tail = extendTail(lower, end);
    if (!tail.postal) continue;
    const house = HOUSE_NAME_BEFORE.exec(text.slice(Math.max(0, startAt - 40), startAt));
    const start = house ? startAt - house[1]!.length : startAt;
    emit(out, text, start, tail.end, 0.85, ['numberless-street', 'postcode']);
  }
}

// Rural forms are a route and a box: "RR 2 Box 152", "HC 1 Box 10", "Rural Route 3, Box 7".
const PO_BOX =
  /(?<![\p{L}])(?:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box|pob|postfach|apartado(?: de correos)?|caixa postal|casilla|case postale|(?:r\.?[ \t]?r\.?|rural[ \t]route|h\.?[ \t]?c\.?|highway[ \t]contract|star[ \t]route)[ \t]*#?\d{1,3}[ \t]*,?[ \t]*box)[ \t]*(?:no\.?[ \t]*)?#?[ \t]*\d{1,7}(?!\d)/gu;
/** French "BP 123" / "boîte postale 45": two letters alone are an address only with a postcode after. */
const BOITE_POSTALE = /(?<![\p{L}])(?:b\.?[ \t]?p\.?|boîte postale|boite postale|cs)[ \t]*\d{1,5}(?!\d)/gu;

/**
 * Cue-led comma-separated addresses the grammars above miss or cut short; one finding per address, so
 * a span the grammars found is widened rather than repeated.
 */
function cuedParts({ text, lower }: ScanInput, out: Finding[]): void {
  const found = [
    ...cuedAddresses(lower).map((s) => ({ ...s, score: 0.85, why: 'cued-parts' })),
    ...structuredAddresses(text, lower).map((s) => ({ ...s, score: 0.75, why: 'structured-parts' })),
  ];
  for (const s of found) {
    const overlapping = out.filter((f) => f.start < s.end && s.start < f.end);
    if (overlapping.length === 0) {
      emit(out, text, s.start, s.end, s.score, [s.why]);
      continue;
    }
    for (const f of overlapping) {
      if (f.start <= s.start && f.end >= s.end) continue;
      f.start = Math.min(f.start, s.start);
      f.end = Math.max(f.end, s.end);
      f.value = text.slice(f.start, f.end);
      f.reasons = [...(f.reasons ?? []), s.why];
    }
  }
}

/** "PO Box 41494, North Michaelshire, OH 03529", "p.o. box 12". */
function poBoxes({ text, lower }: ScanInput, out: Finding[]): void {
  if (/b\.?[ \t]?p\.?[ \t]*\d|bo[iî]te postale|cs[ \t]*\d/.test(lower))
    for (const m of matchAll(BOITE_POSTALE, lower)) {
      const tail = extendTail(lower, m.index + m[0].length);
      if (tail.postal) emit(out, text, m.index, tail.end, 0.9, ['po-box']);
    }
  if (!/box|postfach|apartado|caixa|casilla|case postale/.test(lower)) return;
  for (const m of matchAll(PO_BOX, lower)) {
    const end = m.index + m[0].length;
    const tail = extendTail(lower, end);
    emit(out, text, m.index, tail.end, tail.postal || tail.city ? 0.92 : 0.85, ['po-box']);
  }
}

/** "zip code 94103", "postcode SW1A 1AA": a postcode the customer gives as part of their address. */
function postcodes({ text, lower }: ScanInput, out: Finding[]): void {
  if (!/zip|post|plz|código|cap\b/.test(lower)) return;
  for (const m of matchAll(POSTCODE_CUE_RE, lower)) {
    const code = m[1] ?? '';
    const start = m.index + m[0].length - code.length;
    emit(out, text, start, start + code.length, 0.75, ['postcode-cue']);
  }
  if (!/post ?code|postal code/.test(lower)) return;
  for (const m of matchAll(POSTCODE_CUE_FAR_RE, lower)) {
    const code = m[1] ?? '';
    const start = m.index + m[0].length - code.length;
    if (out.some((f) => f.start < start + code.length && start < f.end)) continue;
    emit(out, text, start, start + code.length, 0.75, ['postcode-cue']);
  }
}

const EAST_ASIAN = /[〒\u4e00-\u9fff\uac00-\ud7af]/;
/**
 * Japanese and Korean addresses, which run from the largest unit to the smallest with no street type:
 * - a postal mark and code, then the rest of the clause: "〒150-0001 東京都渋谷区神宮前3丁目12-8 メゾン神宮前205",
 *   "〒530-0012 Osaka-shi Kita-ku Shibata 1-chome 4-15-902";
 * - a prefecture and a city or ward: "東京都渋谷区…", "大阪府大阪市北区…";
 * - romanised wards and blocks: "Kita-ku Shibata 1-chome 4-15";
 * - a Korean province or metropolitan city and a district: "서울특별시 마포구 월드컵북로12길 34, 102동 1504호 (03997)".
 * The span ends at the clause's end (。、 a full stop, a line break) and is capped at 90 characters.
 */
const EAST_ASIAN_START = new RegExp(
  [
    '〒[ \\t]?\\d{3}-?\\d{4}',
    '(?:東京都|北海道|(?:大阪|京都)府|\\p{sc=Han}{2,3}県)[ \\t]?\\p{sc=Han}{1,6}[市区町村郡]',
    '(?<![\\p{L}-])\\p{Lu}\\p{Ll}+-(?:shi|ku|gun|cho|machi)(?=[ \\t,]+\\p{Lu}[^\\n。]{0,40}?\\d+-chome)',
    '(?:서울특별시|서울시?|부산광역시|대구광역시|인천광역시|광주광역시|대전광역시|울산광역시|세종특별자치시|경기도|강원(?:특별자치)?도|충청[남북]도|전라[남북]도|전북특별자치도|경상[남북]도|제주(?:특별자치)?도|부산|대구|인천|광주|대전|울산)[ \\t]*\\p{sc=Hangul}{1,5}[구군시](?![\\p{L}])',
  ].join('|'),
  'gu',
);
const EAST_ASIAN_END = /[\n。、！？!?]|\.(?:\s|$)|,[ \t]+(?=\p{Ll})/u;

function eastAsian({ text }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(EAST_ASIAN_START, text)) {
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 90);
    const stop = EAST_ASIAN_END.exec(rest);
    let end = from + (stop ? stop.index : rest.length);
    while (end > from && /[\s,.:;\u3040-\u309f]/.test(text.charAt(end - 1))) end--;
    // A prefecture or district named on its own ("서울 강남구 지점에서 샀어요") is a place; an address goes
    // on to a block, road or lot number.
    if (!m[0].startsWith('〒') && !/\d/.test(text.slice(from, end))) continue;
    if (out.some((f) => f.start <= m.index && f.end >= end)) continue;
    emit(out, text, m.index, end, 0.9, ['east-asian']);
  }
}
