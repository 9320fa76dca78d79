import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { REFERENCE_CUES } from './support/cues.js';
import { phoneShapeScore } from './support/phone-shapes.js';
import { findSpelledRuns } from './support/spelled-digits.js';
import { countDigits, makeFinding, nearestCue, wordsRe } from './support/words.js';

const ID = 'phone';

/** Digit groups joined by one separator each; a mandatory separator keeps the regex linear. */
// "(0)" after a country code is the national trunk prefix, often glued to the next group: "+44 (0)7700 …".
const CANDIDATE =
  /(?<![\p{L}\p{N}+#@$€£./-])(\+[ \u00a0]?)?(\(0\)\d+|\(\d{1,5}\)|\d+)(?:(?:[ \u00a0]?[-./][ \u00a0]?|[ \u00a0]{1,2})(?:\(0\)\d+|\(\d{1,5}\)|\d+)){0,7}/gu;
const GROUP = /\(0\)\d+|\(\d{1,5}\)|\d+/g;
const EXTENSION = /^,?\s*(?:ext\.?|extension|x|#|poste|durchwahl|dw\.?)\s?\d{1,6}(?![\p{L}\p{N}])/u;

const POSITIVE = wordsRe([
  'phone',
  'phone\\s*(?:no|number|#)',
  'mobile',
  'cell',
  'cellphone',
  'cell\\s*phone',
  'call',
  'call(?:ing)?\\s+me',
  'text',
  'text\\s+me',
  'sms',
  'whatsapp',
  'reach\\s+me',
  'contact',
  'tel',
  'tel\\.',
  'telephone',
  'landline',
  'fax',
  'dial',
  'ring',
  'mob',
  'mob\\.',
  'ph',
  'ph\\.',
  'phne',
  'phn',
  'fone',
  'cel',
  '(?:best|contact|callback|call-?back|daytime|home|work|office|alternate|alt|backup|other)\\s+(?:number|no|#)',
  'my\\s+(?:new\\s+|old\\s+|home\\s+|work\\s+|best\\s+)?number',
  'new\\s+number',
  'number\\s+to',
  'telefon',
  'telefonnummer',
  'handy',
  'handynummer',
  'mobil',
  'mobilnummer',
  'rufnummer',
  'anrufen',
  'nummer',
  'teléfono',
  'telefono',
  'móvil',
  'movil',
  'celular',
  'llámame',
  'llamar',
  'número',
  'téléphone',
  'tél',
  'tél\\.',
  'fixe',
  'gsm',
  'natel',
  'festnetz',
  'tlf',
  'tlfno',
  'tfno',
  'telf',
  'fijo',
  'portable',
  'numéro',
  'appelez',
  'appeler',
  'joindre',
  // a carrier's line and a prepaid top-up are phone numbers: "cancelar a linha (21) 99812-4477",
  // "recharge kiya 9871204563 pe"
  'linha',
  'l[íi]nea',
  'ligne',
  'line',
  'recharge',
  'top-?up',
  'port(?:ing)?\\s+(?:my\\s+)?number',
  // Vietnamese, Korean, Japanese, Indonesian and Filipino phone words
  'sđt',
  'sdt',
  'điện\\s+thoại',
  '연락처',
  '전화(?:번호)?',
  '휴대폰',
  '電話(?:番号)?',
  '携帯',
  '連絡先',
  'nomor\\s+hp',
]);
const NEGATIVE = new RegExp(
  `${REFERENCE_CUES.source}|(?<![\\p{L}\\p{N}])(?<!(?:phone|mobile|cell|landline|telephone|number)\\s+(?:on|for|in|under|linked\\s+to|registered\\s+(?:to|on|with))\\s+(?:my|the|your|our|his|her|their)\\s+)(?:account|acct|a/c|card|iban|konto|cuenta|compte|ssn|social|passport|license|licence|routing|sort\\s+code|id|tài\\s+khoản|계좌|口座|rekening|rachunku|konta)(?![\\p{L}\\p{N}])`,
  'gu',
);

export const phoneRecognizer: Recognizer = {
  id: ID,
  types: ['PHONE'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    if (countDigits(text, 7) >= 7) scanDigits(text, lower, out);
    scanSpelled(text, lower, out);
    return out;
  },
};

function scanDigits(text: string, lower: string, out: Finding[]): void {
  const bounds = [firstNonSpace(text), lastNonSpace(text)] as const;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const raw = m[0];
    const plus = m[1] !== undefined;
    const body = plus ? raw.slice(m[1]!.length) : raw;
    const groups: string[] = [];
    const seps: string[] = [];
    const offs: number[] = [];
    let paren = false;
    GROUP.lastIndex = 0;
    let prevEnd = -1;
    for (let g = GROUP.exec(body); g !== null; g = GROUP.exec(body)) {
      if (prevEnd >= 0) seps.push(body.slice(prevEnd, g.index));
      if (g[0][0] === '(') paren = true;
      // The bracketed trunk zero is not dialled after a country code: "+44 (0)20" is +44 20.
      groups.push(plus && g[0].startsWith('(0)') ? g[0].slice(3) || '0' : g[0].replace(/[()]/g, ''));
      offs.push(g.index + g[0].length);
      prevEnd = g.index + g[0].length;
    }
    const base = m.index + (plus ? m[1]!.length : 0);
    // Trailing groups may belong to the next phrase ("555-123-4567 2 times"): retry without them.
    for (let keep = groups.length; keep >= Math.max(1, groups.length - 2); keep--) {
      const shape = { groups: groups.slice(0, keep), seps: seps.slice(0, keep - 1), plus, paren };
      let score = phoneShapeScore(shape);
      if (score === 0) continue;
      let end = base + offs[keep - 1]!;
      if (text[end] !== undefined && /\d/.test(text[end]!)) break;
      const ext = EXTENSION.exec(lower.slice(end, end + 24));
      if (ext) end += ext[0].length;
      const start = m.index;
      const cue = nearestCue(lower, start, end, POSITIVE, NEGATIVE, 40, 20);
      const reasons: string[] = [];
      if (cue.positive) {
        score += 0.35;
        reasons.push('phone-context');
      } else if (cue.negative) {
        score -= 0.35;
        reasons.push('reference-context');
      }
      if (ext) score += 0.1;
      // A reply that is nothing but a ten-digit number answers "what's your number?" far more often
      // than it quotes an order; shorter or longer bare runs stay below the threshold.
      else if (!cue.negative && start === bounds[0] && end === bounds[1] && score >= 0.38) {
        score += 0.17;
        reasons.push('whole-message');
      }
      out.push(makeFinding('PHONE', text, start, end, Math.min(score, 0.97), ID, reasons));
      break;
    }
  }
  listedWithPhone(lower, out);
}

/**
 * "call me back on 0803 412 7789 or my wife on 0816 220 9031. Claim ref …": a number of a phone's own
 * national shape, listed in the same sentence after a number the context already made a phone, is a
 * phone too, even when a reference cue comes right after it.
 */
function listedWithPhone(lower: string, out: Finding[]): void {
  if (out.length < 2) return;
  for (let i = 1; i < out.length; i++) {
    const f = out[i]!;
    if (f.score >= 0.6) continue;
    const prev = out.slice(0, i).find((p) => p.score >= 0.8 && p.reasons?.includes('phone-context'));
    if (!prev) continue;
    const between = lower.slice(prev.end, f.start);
    if (
      between.length > 60 ||
      /[.!?\n]/.test(between) ||
      !/(?<![\p{L}])(?:or|and|\/|,)(?![\p{L}])/u.test(between)
    )
      continue;
    const digits = f.value.replace(/\D/g, '');
    if (digits.length !== prev.value.replace(/\D/g, '').length) continue;
    f.score = 0.75;
    f.reasons = [...(f.reasons ?? []), 'listed-with-phone'];
  }
}

function scanSpelled(text: string, lower: string, out: Finding[]): void {
  for (const run of findSpelledRuns(lower, 7)) {
    if (run.wordTokens < 3 || run.digits.length > 15) continue;
    if (out.some((f) => f.start < run.end && run.start < f.end)) continue;
    const cue = nearestCue(lower, run.start, run.end, POSITIVE, NEGATIVE, 40, 20);
    let score = run.digits.length >= 10 ? 0.75 : 0.6;
    const reasons = ['spelled-digits'];
    if (cue.positive) {
      score += 0.2;
      reasons.push('phone-context');
    } else if (cue.negative) {
      score -= 0.3;
      reasons.push('reference-context');
    }
    // "plus four four seven seven …": the spoken "+" of the country code belongs to the number
    const plus = /(?:(?<![\p{L}])plus|\+)[ \t]*$/u.exec(lower.slice(Math.max(0, run.start - 6), run.start));
    const start = plus ? run.start - plus[0].length : run.start;
    out.push(makeFinding('PHONE', text, start, run.end, score, ID, reasons));
  }
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}
function lastNonSpace(s: string): number {
  let i = s.length;
  while (i > 0 && /\s/.test(s[i - 1]!)) i--;
  return i;
}
