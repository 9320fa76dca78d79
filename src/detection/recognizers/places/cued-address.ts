import { ADDRESS_STOP } from './address-tail.js';
import { STREET_SUFFIXES, UNIT_WORDS } from './street-types.js';

/**
 * Addresses no street grammar covers ("Flat 107, Sai Residency, 10th Cross, Banjara Hills, Hyderabad
 * 500034", "H.No 5-9-22, Banjara Hills, Hyderabad - 500034"), read as comma-separated parts right
 * after an explicit address cue. The cue alone is not enough: the run must open with a number or a unit
 * word and either end in a postcode or have three or more parts, so "send it to 3 friends" stays text.
 */
const CUE =
  /(?:deliver(?:ed|y)?(?: it| them)? to|ship(?:ped)?(?: it| them)? to|send(?: it| them)? to|sent(?: it)? to|(?:my |the |new |billing |shipping |home |work |delivery |mailing |postal )?(?:add?ress?e?|addy)(?: for (?:the |my |this )?[a-z]+)?(?: is| was|:| =| now)?|addr\.?:?|live at|living at|(?:reside|resides|residing|stay|staying|stays) at|i['’]?m at|i am at|moved to|lieferadresse(?: ist|:)?|rechnungsadresse(?: ist|:)?|lieferanschrift:?|adresse(?: de livraison| de facturation| postale)?(?: ist| est| lautet)?:?|anschrift:?|wohne in der|direcci[óo]n(?: de env[íi]o| de entrega| postal)?(?: es)?:?|domicilio(?: es)?:?|env[íi]alo a|vivo en|morada:?|endere[çc]o(?: [ée])?:?|indirizzo(?: è)?:?|adres:?|woonadres:?|bezorgen op|spedi(?:te|re)? a|livrez (?:au|à)|livrer (?:au|à)|j['’]habite(?: au| à)?)[ \t]*(?:[:,-]|\.{2,})?[ \t]*/gu;

const STOP = new Set(ADDRESS_STOP.split('|'));
/** Glue inside place names that the stop list would otherwise end the address at. */
const GLUE = new Set([
  'de',
  'la',
  'del',
  'des',
  'du',
  'le',
  'les',
  'di',
  'da',
  'an',
  'der',
  'am',
  'im',
  'a',
  'à',
  'au',
  // Arabic article in Gulf place names: "Al Barsha 2", "Al Nahda"
  'al',
  'el',
]);
const WORD = /[\p{L}\d][\p{L}\p{M}\d'’./º°ª-]*/uy;
const GAP = /[ \t]*(?:-[ \t]+)?/y;
const UNIT_LEAD = new RegExp(
  `^(?:${UNIT_WORDS}|h\\.?no\\.?|house|plot|door|block|blk|bloque|portal|bât\\.?|bat\\.?|villa|bungalow|cottage|quarters?|qtrs?|stand|erf)$`,
);
/**
 * Words that name a street, an estate or an administrative area inside a comma-separated address in the
 * orders used in Nigeria, India, the Gulf, the Philippines and Vietnam: "Aminu Kano Crescent", "14th
 * Cross", "Sector 21-B", "Phase 2", "Camella Homes", "Phường Bến Thành", "Quận 1", "TP. Hồ Chí Minh".
 */
const AREA_WORD = new RegExp(
  `^(?:${[...STREET_SUFFIXES].join('|')}|cross|main|sector|phase|nagar|colony|layout|enclave|estate|apartments?|towers?|residency|residence|homes|heights|gardens|village|barangay|brgy|subdivision|subd|compound|extension|ward|district|mohalla|marg|chowk|phường|phuong|quận|quan|huyện|huyen|xã|thị xã|tp|thành phố|tỉnh|tinh|ấp|khu phố|kp|ngõ|ngách|hẻm|đường)$`,
  'u',
);
/** Words that open a part of such an address: "…, off Allen Avenue, …", "…, near City Mall, …". */
const PART_OPENER = new Set(['off', 'near', 'opp', 'opposite', 'behind', 'beside', 'next']);
const POSTCODE = /^(?:\d{4,6}|\d{3}[ -]?\d{3}|\d{3}-\d{4}|\d{4}-\d{3}|\d{2}-\d{3})$/;
const MAX_WORDS = 22;

export interface Span {
  start: number;
  end: number;
}

export function cuedAddresses(lower: string): Span[] {
  const out: Span[] = [];
  if (!/\d/.test(lower)) return out;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(lower); m !== null; m = CUE.exec(lower)) {
    if (m.index > 0 && /[\p{L}\d]/u.test(lower.charAt(m.index - 1))) continue;
    const span = readParts(lower, m.index + m[0].length);
    if (span) out.push(span);
  }
  return out;
}

/**
 * The same comma-separated reading without a cue, for layouts no street grammar knows ("2-14-7 Shibuya,
 * Shibuya-ku, Tokyo 150-0002"). Structure must make up for the missing cue: a house number, then a
 * capitalised name, three parts or more, and a postcode with a place name in its part.
 */
const UNCUED_START = /(?<![\p{L}\d.,/$€£#+*:-])\d{1,5}(?:-\d{1,4}){0,2}[a-zA-Z]?(?=[ \t]+\p{Lu}\p{Ll})/gu;
/** A unit, house or plot number opening the address: "House 7, …", "Plot 27, …", "H.No. 1142, …", "Blk 7 Lot 12, …". */
const UNIT_START =
  /(?<![\p{L}\d])(?:flat|unit|house|plot|villa|blk|block|lot|h\.? ?no\.?|door no\.?|apartment|apt|suite|bungalow|stand|erf)\.?[ \t]*(?:no\.?[ \t]*)?#?[ \t]*\d{1,5}[a-z]?(?:[-/]\d{1,5}[a-z]?)*(?=[ \t]*,|[ \t]+(?:lot|blk|block|tower|phase|floor)[ \t])/giu;

export function structuredAddresses(text: string, lower: string): Span[] {
  const out: Span[] = [];
  UNCUED_START.lastIndex = 0;
  for (let m = UNCUED_START.exec(text); m !== null; m = UNCUED_START.exec(text)) {
    const span = readParts(lower, m.index, true);
    if (span) {
      out.push(span);
      UNCUED_START.lastIndex = span.end;
    }
  }
  if (!/(?:flat|unit|house|plot|villa|blk|block|lot|no|apartment|apt|suite|bungalow|stand|erf)/i.test(text))
    return out;
  UNIT_START.lastIndex = 0;
  for (let m = UNIT_START.exec(text); m !== null; m = UNIT_START.exec(text)) {
    if (out.some((s) => s.start <= m.index && m.index < s.end)) continue;
    const span = readParts(lower, m.index, true);
    if (span) {
      out.push(span);
      UNIT_START.lastIndex = span.end;
    }
  }
  return out;
}

function readParts(lower: string, pos: number, strict = false): Span | undefined {
  const words: { end: number; part: number; word: string }[] = [];
  let i = pos;
  let parts = 0;
  let comma = true;
  for (;;) {
    WORD.lastIndex = i;
    const w = WORD.exec(lower);
    if (!w) break;
    const word = w[0].replace(/[.]+$/, '');
    // "House No. 221": "no" is glue right after a unit word, a stop word anywhere else
    // "No. 45, 3rd Cross, …": a number sign may open the address itself
    const numberWord =
      /^(?:no|nr|number)$/.test(word) &&
      (UNIT_LEAD.test(words.at(-1)?.word ?? '') ||
        (words.length === 0 && /^\.?[ \t]*\d/.test(lower.slice(i + word.length, i + word.length + 4))));
    if (
      STOP.has(word) &&
      !GLUE.has(word) &&
      !numberWord &&
      !(comma && words.length > 0 && PART_OPENER.has(word))
    )
      break;
    if (comma) parts++;
    comma = false;
    words.push({ end: i + word.length, part: parts, word });
    if (words.length >= MAX_WORDS) break;
    // A full stop after a number or a long word ends the sentence ("…, BS37 4LQ. Final reading 18834");
    // short abbreviations keep theirs ("ap. 803", "TP. Hồ Chí Minh", "Sen. Gil Puyat Ave").
    if (w[0].endsWith('.') && (/\d/.test(word) || word.length > 4) && !/^h\.?no$/.test(word)) break;
    i = i + w[0].length;
    GAP.lastIndex = i;
    GAP.exec(lower);
    let j = GAP.lastIndex;
    if (lower.charAt(j) === ',') {
      comma = true;
      j++;
      while (lower.charAt(j) === ' ' || lower.charAt(j) === '\t') j++;
    } else if (j === i) break;
    i = j;
  }
  const first = words[0];
  if (!first || words.length < 3) return undefined;
  if (!/\d/.test(first.word) && !UNIT_LEAD.test(first.word) && !/^(?:no|nr)$/.test(first.word))
    return undefined;
  // A postcode ends the address ("…, IL 62704 last week"), unless it opens its part, as in European
  // order ("…, 75002 Paris"), where the rest of that part is the city.
  // Never in the first part: "H.No. 1142, Sector 21-B, …" opens with a house number, not a postcode.
  const k = words.findIndex((w, n) => n > 0 && w.part >= 2 && POSTCODE.test(w.word));
  if (strict) {
    const pc = words[k];
    // Without a postcode, a street, estate or area word in a later part vouches for the layout, as in
    // "House 7, Ogundana Street, off Allen Avenue, Ikeja, Lagos" or "45 Nguyễn Trãi, Phường Bến Thành,
    // Quận 1, TP. Hồ Chí Minh": three parts at least, the first opened by a number or a unit.
    const area =
      parts >= 3 &&
      words.some((w, n) => n > 0 && w.part >= 2 && AREA_WORD.test(w.word)) &&
      words.filter((w) => w.part >= 2 && /^\p{L}/u.test(w.word)).length >= 2;
    if (!area) {
      if (k < 0 || !pc || parts < 3 || pc.part < 3) return undefined;
      if (!words.some((w) => w.part === pc.part && w !== pc && /^\p{L}/u.test(w.word))) return undefined;
    }
  }
  if (k > 0) {
    const pc = words[k]!;
    const leads = words[k - 1]!.part !== pc.part;
    const end = leads ? words.filter((w) => w.part === pc.part).at(-1)!.end : pc.end;
    return { start: pos, end };
  }
  if (parts < 3) return undefined;
  return { start: pos, end: words.at(-1)!.end };
}
