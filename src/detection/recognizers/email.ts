import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { makeFinding } from './support/words.js';

const ID = 'email';

/** Plain addresses. Domain labels may not start or end with '-'; the TLD is letters only. */
const PLAIN =
  /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}_%+'-]+(?:\.[\p{L}\p{N}_%+'-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

/**
 * Obfuscated addresses: "jane at gmail dot com", "jane [at] outlook [dot] com", "jane(at)gmx(dot)de",
 * "jane dot doe at yahoo dot co dot uk". They must end "dot <known tld>" (or ".tld") so ordinary
 * sentences with "at" ("meet at home dot") do not fire.
 */
/** "at" and "dot" as dictated in en/es/pt/fr/it/nl/de: "pablo arroba gmail punto com", "jan apenstaartje ziggo punt nl". */
const AT_WORD = 'at|arroba|arobase|chiocciola|apenstaartje|klammeraffe';
const DOT_WORD = 'dot|punto|ponto|point|punt|punkt';
const AT = String.raw`(?:\s*[[({<]\s*(?:${AT_WORD})\s*[\])}>]\s*|\s+(?:${AT_WORD})\s+(?:sign\s+|symbol\s+)?|\s*@\s*)`;
const DOT = String.raw`(?:\s*[[({<]\s*(?:${DOT_WORD})\s*[\])}>]\s*|\s+(?:${DOT_WORD})\s+|\.)`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}_-]{0,40}[\p{L}\p{N}])?`;
const TLD =
  'com|net|org|edu|gov|info|biz|io|co|me|us|uk|de|fr|es|it|nl|be|ch|at|au|ca|in|ie|pt|br|mx|ar|cl|pl|se|no|dk|fi|ru|jp|cn|nz|za|eu|tv|app|dev|mail|email|online|store|shop|xyz|site';
const OBFUSCATED = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.-])(${LABEL}(?:(?:${DOT}|[_+-])${LABEL}){0,3})${AT}(${LABEL}(?:${DOT}${LABEL}){0,2})${DOT}(?:${TLD})(?![\p{L}\p{N}])`,
  'gu',
);
/** Words that are the subject of an ordinary sentence, not a mailbox ("I ordered at amazon dot com"). */
const NOT_LOCAL = new Set(
  'i me we us you it he she they them this that there here what which who is are was were be been ordered bought purchased shopped shopping looking look buy sold sell selling listed found logged signed registered log sign order orders available online up in on it account store site website'.split(
    ' ',
  ),
);

/** Where an address can hinge: "@", " at ", "[at]", "(at)". Regexes then run only on a window around each. */
const SPACED_AT = new RegExp(`\\s(?:${AT_WORD})\\s`);
const HINGE = new RegExp(`@|(?<![a-z0-9])(?:${AT_WORD})(?![a-z0-9])`, 'g');
const LOCAL_MAX = 96;
const DOMAIN_MAX = 160;

export const emailRecognizer: Recognizer = {
  id: ID,
  types: ['EMAIL'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    HINGE.lastIndex = 0;
    let scannedTo = 0;
    for (let h = HINGE.exec(lower); h !== null; h = HINGE.exec(lower)) {
      if (h.index < scannedTo) continue;
      const from = Math.max(scannedTo, h.index - LOCAL_MAX);
      const to = Math.min(lower.length, h.index + DOMAIN_MAX);
      const end = h[0] === '@' ? scanPlain(text, from, to, h.index, out) : -1;
      const end2 = end < 0 ? scanObfuscated(text, lower, from, to, h.index, out) : -1;
      scannedTo = Math.max(scannedTo, end, end2);
    }
    return out;
  },
};

/** Finds the address whose "@" is at `at`, searching only [from, to). Returns its end or -1. */
function scanPlain(text: string, from: number, to: number, at: number, out: Finding[]): number {
  const win = text.slice(from, to);
  PLAIN.lastIndex = 0;
  for (let m = PLAIN.exec(win); m !== null; m = PLAIN.exec(win)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start > at) break;
    if (end <= at) continue;
    out.push(makeFinding('EMAIL', text, wrappedStart(text, start), end, 0.97, ID));
    return end;
  }
  return spacedAfterDots(text, from, to, at, out);
}

/**
 * "christopher.vandenberghe-\nmertens@telenet.be": a long address a phone wrapped after a hyphen. The
 * piece before the line break belongs to the local part when it ends in "-" with no space. A dot is not
 * taken: "Thanks.\njane@x.com" is a sentence, then the address.
 */
const WRAPPED_LOCAL =
  /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}_%+'-]+(?:\.[\p{L}\p{N}_%+'-]+)*(?<=[\p{L}\p{N}_])-\r?\n$/u;

function wrappedStart(text: string, start: number): number {
  if (text.charAt(start - 1) !== '\n') return start;
  const m = WRAPPED_LOCAL.exec(text.slice(Math.max(0, start - LOCAL_MAX), start));
  return m ? start - m[0].length : start;
}

/**
 * "marco. rossi@libero. it": autocorrect puts a space after every dot. Taken only when the domain has
 * such a dot too (a consistent autocorrect pattern, so "Thanks. bob@x.com" keeps "Thanks" out), the TLD
 * is known, and the address ends the clause ("bob@x. it didn't work" is a sentence).
 */
const SPACED_DOTS = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}_%+'-]+(?:\. ?[\p{L}\p{N}_%+'-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\. ?)*[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\. (?:${TLD})(?=[ 	]*(?:$|[
.,;:!?)(]))`,
  'gu',
);

function spacedAfterDots(text: string, from: number, to: number, at: number, out: Finding[]): number {
  const win = text.slice(from, to);
  SPACED_DOTS.lastIndex = 0;
  for (let m = SPACED_DOTS.exec(win); m !== null; m = SPACED_DOTS.exec(win)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start > at) break;
    if (end <= at) continue;
    out.push(makeFinding('EMAIL', text, start, end, 0.85, ID, ['autocorrect-spaces']));
    return end;
  }
  return -1;
}

function scanObfuscated(
  text: string,
  lower: string,
  from: number,
  to: number,
  at: number,
  out: Finding[],
): number {
  const win = lower.slice(from, to);
  OBFUSCATED.lastIndex = 0;
  for (let m = OBFUSCATED.exec(win); m !== null; m = OBFUSCATED.exec(win)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start > at) break;
    if (end <= at) continue;
    const local = m[1]!;
    const spaced = SPACED_AT.test(m[0]) && !/[[({<]/.test(m[0]);
    // A one-word "local part" that is an ordinary word only counts with bracketed markers.
    if (spaced && NOT_LOCAL.has(local)) return -1;
    const from2 = spokenLocalStart(lower, start, /\sat\s+(?:sign|symbol)\s/.test(m[0]));
    out.push(makeFinding('EMAIL', text, from2, end, spaced ? 0.85 : 0.93, ID, ['obfuscated']));
    return end;
  }
  return -1;
}

/** Spoken numbers and letters a dictated local part is made of: "k wu eighty eight at sign …". */
const SPOKEN_PART =
  /^(?:[a-z]|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|double|triple|dot|underscore|dash|hyphen)$/;
const JOINER = /^(?:underscore|dot|dash|hyphen)$/;
/** Where a dictated address's local part cannot reach back past: the words that introduce it. */
const LOCAL_STOP =
  /^(?:is|was|it's|its|it’s|email|e-mail|mail|address|me|at|to|my|the|on|and|or|use|try|send|reach|contact|um|uh|so|yes|yeah|okay|ok)$/;

/**
 * Voice-to-text splits a dictated local part into words. Reaches back over spoken digits and letters, or,
 * after an explicit "at sign", over up to four words, stopping at the words that introduce an address.
 */
function spokenLocalStart(lower: string, start: number, atSign: boolean): number {
  let s = start;
  let plain = false;
  let joined = false;
  let spokenSeen = SPOKEN_PART.test(/^[a-z]+/.exec(lower.slice(start, start + 16))?.[0] ?? '');
  for (let n = 0; n < 6; n++) {
    const m = /([a-z]+)\s+$/.exec(lower.slice(Math.max(0, s - 16), s));
    if (!m || (m.index === 0 && s - 16 > 0)) break;
    const word = m[1]!;
    if (LOCAL_STOP.test(word) || NOT_LOCAL.has(word)) break;
    const spoken = SPOKEN_PART.test(word);
    // "tom ninety at gmail dot com": one plain word may open a local part that goes on in spoken digits;
    // a spoken joiner ("anna underscore schmidt", "jan dot de vries") ties the word before it in as well.
    if (!atSign && !spoken && (!spokenSeen || plain) && !joined) break;
    if (n >= 4 && !joined) break;
    const prev = s - m[0].length;
    if (prev > 0 && /[a-z0-9]/.test(lower[prev - 1]!)) break;
    s = prev;
    joined = JOINER.test(word);
    if (!spoken) plain = true;
    else spokenSeen = true;
  }
  return s;
}
