import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { anaphoricValueAt, readAt, skipFiller } from './support/cued-value.js';
import { makeFinding, wordsRe } from './support/words.js';

const ID = 'passport';

const CUE = wordsRe([
  'passport(?:\\s*(?:no|nr|number|num|#|id))?',
  'passports',
  // "pp no.", "pp#": the abbreviation needs a number word; "pp" alone is pages or a name
  'pp\\s*(?:no|nr|number|num|#)\\.?',
  'reisepass(?:nummer)?',
  'passnummer',
  'pass-?nr',
  'pasaporte',
  'passeport',
  'passaporto',
  'passaporte',
  'paspoort(?:nummer)?',
  'reisepassnummer',
  // "travel document NW0511629", "documento de viaje …", "document de voyage …", "Reisedokument …"
  'travel\\s+doc(?:ument)?(?:\\s*(?:no|nr|number|num|#|id))?',
  'documento\\s+de\\s+viaje',
  'document\\s+de\\s+voyage',
  'reisedokument(?:nummer)?',
  // "numer paszportu EA…", "číslo pasu …", "pasaport no …", "passnummer"; "🛂 N1287…" in an emoji-labelled form
  'paszport(?:u|owy|owego)?',
  'cestovn[íi]\\s+pas(?:u)?',
  'pasaport(?:\\s*(?:no|numaras[ıi]))?',
  'pass(?:nummer|nr)',
  '🛂',
]);
/** 6–10 letters/digits (US 9 digits, UK 9 digits, EU letter+digit mixes), optionally one inner space. */
const VALUE = /[a-z0-9]{1,3} ?[a-z0-9]{4,9}(?![\p{L}\p{N}])/uy;

const passportShaped = (v: string): boolean => {
  const compact = v.replace(' ', '');
  return compact.length >= 6 && compact.length <= 10 && compact.replace(/\D/g, '').length >= 2;
};

/** Passport numbers have no checksum usable without the MRZ, so the cue carries the decision. */
export const passportRecognizer: Recognizer = {
  id: ID,
  types: ['PASSPORT'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    if (!/pass|pasaporte|pasp|pasz|pasap|cestovn|pp|travel|viaje|voyage|reisedok|🛂/u.test(lower)) return out;
    CUE.lastIndex = 0;
    for (let m = CUE.exec(lower); m !== null; m = CUE.exec(lower)) {
      let at = skipFiller(lower, m.index + m[0].length);
      if (at < 0) continue;
      let v = readAt(VALUE, lower, at);
      // "my passport was renewed, new number C7731902": a word read as the value sends us on to "new number"
      if (!v || !passportShaped(v[0])) {
        at = anaphoricValueAt(lower, m.index + m[0].length);
        v = at < 0 ? null : readAt(VALUE, lower, at);
      }
      if (!v || !passportShaped(v[0])) continue;
      const digits = v[0].replace(/\D/g, '').length;
      out.push(
        makeFinding('PASSPORT', text, at, at + v[0].length, digits >= 5 ? 0.92 : 0.8, ID, [
          'passport-context',
        ]),
      );
    }
    valueThenCue(text, lower, out);
    return out;
  },
};

/** "C4R7TK2N9 (german passport)", "548213976 (UK passport)": the value first, its kind in brackets after. */
const VALUE_THEN_CUE =
  /(?<![\p{L}\p{N}])([a-z0-9]{6,10})[ \t]*[(（][ \t]*(?:[\p{L}]+[ \t]+){0,2}(?:passport|pasaporte|passeport|passaporto|passaporte|reisepass|paspoort|paszport)[ \t]*[)）]/gu;

function valueThenCue(text: string, lower: string, out: Finding[]): void {
  if (!lower.includes('(') && !lower.includes('（')) return;
  VALUE_THEN_CUE.lastIndex = 0;
  for (let m = VALUE_THEN_CUE.exec(lower); m !== null; m = VALUE_THEN_CUE.exec(lower)) {
    const v = m[1]!;
    if (!passportShaped(v)) continue;
    const start = m.index;
    const end = start + v.length;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    out.push(makeFinding('PASSPORT', text, start, end, 0.88, ID, ['passport-context']));
  }
}
