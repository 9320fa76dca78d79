import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { ipv4Octets, ipv6Valid } from './support/validators.js';
import { makeFinding, nearestCue, wordsRe } from './support/words.js';
import { own } from '../../core/lookup.js';

const ID = 'ip-address';

/** Four dotted numbers not part of a longer dotted run (versions like 10.0.19045.2965 have five). */
const V4 = /(?<![\p{L}\p{N}.]|\d\.)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\.?\d|[\p{L}])/gu;
/** Hex groups with at least two colons, optionally ending in a dotted IPv4; validated afterwards. */
const V6 =
  /(?<![\p{L}\p{N}:])(?:[0-9a-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{1,4})?(?![\p{L}\p{N}:]|\.\d)/gu;

const POSITIVE = wordsRe([
  'ip',
  'ipv4',
  'ipv6',
  'ip\\s+address',
  'address',
  'ip-adresse',
  'adresse',
  'dirección',
  'host',
  'server',
  'router',
  'vpn',
  'logged\\s+in\\s+from',
]);
const NEGATIVE = wordsRe([
  'version',
  'ver',
  'v',
  'firmware',
  'build',
  'release',
  'update',
  'app',
  'ios',
  'android',
  'model',
  'sku',
  'item',
  'isbn',
]);

export const ipAddressRecognizer: Recognizer = {
  id: ID,
  types: ['IP_ADDRESS'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    const first = lower.indexOf(':');
    if (first >= 0 && lower.indexOf(':', first + 1) >= 0) {
      V6.lastIndex = 0;
      for (let m = V6.exec(lower); m !== null; m = V6.exec(lower)) {
        // "::" alone is valid IPv6 but identifies no one; as typed it is a separator ("user :: pass").
        if (!ipv6Valid(m[0]) || !/[0-9a-f]/.test(m[0])) continue;
        const end = m.index + m[0].length;
        const cue = nearestCue(lower, m.index, end, POSITIVE, NEGATIVE, 30, 0);
        out.push(
          makeFinding(
            'IP_ADDRESS',
            text,
            m.index,
            end,
            cue.positive ? 0.97 : 0.9,
            ID,
            cue.positive ? ['ip-context'] : [],
          ),
        );
      }
    }
    if (SPOKEN_DOT.test(lower)) spokenV4(text, lower, out);
    if (lower.includes('.')) {
      V4.lastIndex = 0;
      for (let m = V4.exec(lower); m !== null; m = V4.exec(lower)) {
        if (!ipv4Octets(m[0])) continue;
        const end = m.index + m[0].length;
        const s0 = m.index;
        if (out.some((f) => f.start < end && s0 < f.end)) continue;
        const cue = nearestCue(lower, m.index, end, POSITIVE, NEGATIVE, 30, 0);
        let score = 0.85;
        const reasons: string[] = [];
        if (cue.positive) {
          score = 0.97;
          reasons.push('ip-context');
        } else if (cue.negative || /(?<![\p{L}])v$/u.test(lower.slice(Math.max(0, m.index - 2), m.index))) {
          score = 0.35;
          reasons.push('version-context');
        }
        out.push(makeFinding('IP_ADDRESS', text, m.index, end, score, ID, reasons));
      }
    }
    return out;
  },
};

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  oh: 0,
  o: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'hundred', 'and'].join('|')}|\\d{1,3})`;
const SPOKEN_OCTET = `${NUMBER_WORD}(?:[ \\t-]+${NUMBER_WORD}){0,4}`;
/** Cheap gate: a number word or digit on each side of a spoken "dot" ("jane at gmail dot com" has none). */
const SPOKEN_DOT =
  /(?:o|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|hundred|\d) (?:dot|point) (?:zero|o|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|\d)/;
/** "eighty six dot one forty two dot seventeen dot two oh five": an IPv4 address read aloud. */
const SPOKEN_V4 = new RegExp(
  `(?<![\\p{L}\\p{N}])${SPOKEN_OCTET}(?:[ \\t]+(?:dot|point)[ \\t]+${SPOKEN_OCTET}){3}(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * The value of one spoken octet, or -1: digit words are read one after another as people say them
 * ("one forty two" is 1 then 42, "two oh five" is 2, 0, 5), "X hundred (and) Y" is X·100 + Y.
 */
export function spokenOctet(words: readonly string[]): number {
  let out = '';
  let hundreds = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'and') continue;
    if (w === 'hundred') {
      if (out.length !== 1) return -1;
      hundreds = Number(out);
      out = '';
      continue;
    }
    const unitW = own(UNITS, w);
    const teenW = own(TEENS, w);
    const tensW = own(TENS, w);
    if (/^\d+$/.test(w)) out += w;
    else if (unitW !== undefined) out += String(unitW);
    else if (teenW !== undefined) out += String(teenW);
    else if (tensW !== undefined) {
      const next = words[i + 1];
      const unit = next !== undefined ? own(UNITS, next) : undefined;
      if (unit !== undefined && unit > 0) {
        out += String(tensW + unit);
        i++;
      } else out += String(tensW);
    } else return -1;
  }
  const value =
    hundreds >= 0 ? hundreds * 100 + (out === '' ? 0 : Number(out)) : out === '' ? -1 : Number(out);
  return out.length > 3 || value > 255 ? -1 : value;
}

function spokenV4(text: string, lower: string, out: Finding[]): void {
  SPOKEN_V4.lastIndex = 0;
  for (let m = SPOKEN_V4.exec(lower); m !== null; m = SPOKEN_V4.exec(lower)) {
    const octets = m[0].split(/[ \t]+(?:dot|point)[ \t]+/).map((o) => spokenOctet(o.split(/[ \t-]+/)));
    if (octets.length !== 4 || octets.some((o) => o < 0)) continue;
    // Only with an IP word before it: spoken numbers with "point" are as often prices or versions.
    const end = m.index + m[0].length;
    const cue = nearestCue(lower, m.index, end, POSITIVE, NEGATIVE, 40, 0);
    if (!cue.positive) continue;
    out.push(makeFinding('IP_ADDRESS', text, m.index, end, 0.9, ID, ['ip-context', 'spoken']));
  }
}
