import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { ipv4Octets, ipv6Valid } from './support/validators.js';
import { makeFinding, nearestCue, wordsRe } from './support/words.js';

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
        if (!ipv6Valid(m[0])) continue;
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
