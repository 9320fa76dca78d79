import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { readAt, skipFiller } from './support/cued-value.js';
import { spelledRunAt } from './support/spelled-digits.js';
import { makeFinding, wordsRe } from './support/words.js';

const ID = 'driver-license';

const US_STATE_CODES =
  'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc';
const US_STATE = [
  ...US_STATE_CODES.split(' '),
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois',
  'indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri',
  'montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington',
  'wisconsin wyoming',
  'new\\s+(?:hampshire|jersey|mexico|york)|(?:north|south)\\s+(?:carolina|dakota)|rhode\\s+island|west\\s+virginia',
]
  .flatMap((g) => (g.includes('\\') ? [g] : g.split(' ')))
  .join('|');
const STATE_CODE = new RegExp(`^(?:${US_STATE_CODES.replace(/ /g, '|')})\\s`);

const CUE = wordsRe([
  "driver'?s?\\s+licen[cs]es?(?:\\s*(?:no|nr|number|num|#|id))?",
  "driver'?s?\\s+lic\\.?(?:\\s*(?:no|nr|number|num|#|id))?",
  "driver[’']s\\s+licen[cs]e(?:\\s*(?:no|nr|number|num|#|id))?",
  'driving\\s+licen[cs]e(?:\\s*(?:no|nr|number|num|#))?',
  'licen[cs]e\\s*(?:no|nr|number|num|#)',
  // "LIC#: F255-…", "lic. no 4471…": the abbreviation needs a number sign or word
  'lic\\.?\\s*(?:#|no\\.?|nr\\.?|number|num)',
  // "🪪 D123…" in an emoji-labelled form
  '🪪',
  // "my license is …", "license: …": the value must still carry digits ("my license is expired" does not)
  '(?:my|the|your)\\s+licen[cs]e(?!\\s+(?:key|plate|code|file|agreement))',
  'licen[cs]e\\s*:',
  'dl\\s*(?:#|no|nr|number|num)?',
  'dln',
  // "CA license B4418273", "texas dl 12345678", "NY driver's lic D123…": a US state before the cue; the
  // two-letter codes must be upper case in the message ("in/or/me license" are words)
  `(?:${US_STATE})\\s+(?:(?:driver'?s?|driving)\\s+)?(?:licen[cs]e|lic\\.?|dl)(?:\\s*(?:no|nr|number|num|#))?(?!\\s+(?:key|plate|code|file|agreement))`,
  // "state license X", "state driver's license X"
  "state\\s+(?:driver'?s?\\s+)?licen[cs]e",
  'fahrerlaubnis(?:nummer)?',
  'führerschein(?:nummer|-?nr)?',
  'fuehrerschein(?:nummer)?',
  'licencia(?:\\s+de\\s+conducir)?',
  'carn[eé]t?\\s+de\\s+conducir',
  'permiso\\s+de\\s+conducir',
  'permis(?:\\s+de\\s+conduire)?',
  'patente(?:\\s+di\\s+guida)?',
  'carta\\s+de\\s+condu[çc][ãa]o',
  'carteira\\s+de\\s+(?:motorista|habilita[çc][ãa]o)',
  'cnh',
  'rijbewijs(?:nummer)?',
  'führerscheinnummer',
  // Polish, Japanese, Vietnamese, Korean and Nordic licence words: "Prawo jazdy 04512/19/1465",
  // "免許証番号 3012 3456 7890", "Bằng lái 790123456789", "운전면허번호 …", "körkortsnummer …"
  'prawo\\s+jazdy(?:\\s*(?:nr|numer))?',
  '(?:運転)?免許証?(?:番号)?',
  'b[ằa]ng\\s+l[áa]i(?:\\s+xe)?',
  'gi[ấa]y\\s+ph[ée]p\\s+l[áa]i\\s+xe',
  '운전\\s*면허(?:증)?(?:\\s*번호)?',
  'k[öo]rkort(?:snummer)?',
  'ajokortti',
  'k[øo]rekort',
  'f[øo]rerkort',
  // "licence KA05 20090034871", "UAE licence 2043176": the bare word, the value must carry digits
  'licen[cs]e(?!\\s+(?:key|plate|code|file|agreement|fee|number\\s+plate|renewal))',
]);
/** The bare word "licence" is a software or trade licence as often: its value needs six digits. */
const BARE_LICENCE = /^licen[cs]e$/;
/** Letters and digits, possibly in dash- or space-separated groups (D009-8918-3131, WDLGNOR93I3X). */
// Polish licences are slashed: "04512/19/1465"
const VALUE = /[a-z0-9]+(?:[ /-][a-z0-9]+){0,4}/y;

/** US state formats vary too much to validate; the cue decides, the value must look like an id. */
export const driverLicenseRecognizer: Recognizer = {
  id: ID,
  types: ['DRIVER_LICENSE'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    if (/dni|nie|nif/.test(lower)) spanishId(text, lower, out);
    if (
      !/lic|dl|führer|fahrerlaubnis|fuehrer|permis|conduc|condu[çc]|patente|motorista|habilita|cnh|rijbewijs|🪪|prawo|免許|b[ằa]ng|gi[ấa]y|운전|k[öo]rkort|ajokortti|k[øo]rekort|f[øo]rerkort/u.test(
        lower,
      )
    )
      return out;
    CUE.lastIndex = 0;
    for (let m = CUE.exec(lower); m !== null; m = CUE.exec(lower)) {
      // a two-letter state code counts only as written in capitals ("CA license", not "in license")
      if (STATE_CODE.test(m[0]) && !/^[A-Z]{2}\s/.test(text.slice(m.index, m.index + 3))) {
        CUE.lastIndex = m.index + 2;
        continue;
      }
      const at = skipFiller(lower, m.index + m[0].length);
      if (at < 0) continue;
      // Dictated: "license number is b six four one nine oh two two" (a letter or two, then digit words)
      const lead = /^(?:[a-z][ \t]+){0,2}/.exec(lower.slice(at, at + 4))![0];
      const spoken = spelledRunAt(lower, at + lead.length, 5, 4);
      if (spoken && spoken.digits.length <= 16) {
        out.push(
          makeFinding('DRIVER_LICENSE', text, at, spoken.end, 0.88, ID, [m[0].trim(), 'spelled-digits']),
        );
        continue;
      }
      const v = readAt(VALUE, lower, at);
      if (!v) continue;
      // Keep groups while they carry digits: "D009-8918-3131 and ok" stops before "and".
      const groups = v[0].split(/(?<=[ /-])/);
      let len = 0;
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i]!;
        if (i > 0 && !/\d/.test(g)) break;
        len += g.length;
      }
      const value = lower.slice(at, at + len).replace(/[ /-]+$/, '');
      const compact = value.replace(/[ /-]/g, '');
      const digits = compact.replace(/\D/g, '').length;
      // Letter-heavy formats carry few digits: UK-style "WDL" ids are nine random letters/digits after
      // the prefix, so one digit (or none, for that prefix) is enough behind a licence cue.
      const wdl = /^wdl[a-z0-9]{6,12}$/.test(compact);
      if (compact.length < 5 || compact.length > 20) continue;
      if (digits < 2 && !wdl && !(digits === 1 && compact.length >= 8)) continue;
      if (BARE_LICENCE.test(m[0]) && digits < 6) continue;
      const strong =
        /driv|führer|fuehrer|conduc|condu[çc]|guida|motorista|rijbewijs|jazdy|免許|l[áa]i|운전|kort|kørekort/u.test(
          m[0],
        );
      out.push(
        makeFinding('DRIVER_LICENSE', text, at, at + value.length, strong ? 0.92 : 0.85, ID, [m[0].trim()]),
      );
    }
    return out;
  },
};

/**
 * A Spanish driving licence carries the holder's DNI/NIE number, so customers give "DNI 48291736Q" where
 * a licence is asked for, and the number identifies them either way: behind a DNI/NIE/NIF cue, eight
 * digits and a letter (NIE: X/Y/Z, seven digits, a letter) are masked as a licence number.
 */
const ES_ID_CUE = wordsRe(['dni', 'nie', 'nif', 'd\\.n\\.i\\.?']);
const ES_ID = /(?:\d{8}|[xyz]\d{7})[ -]?[a-z](?![\p{L}\p{N}])/uy;

function spanishId(text: string, lower: string, out: Finding[]): void {
  ES_ID_CUE.lastIndex = 0;
  for (let m = ES_ID_CUE.exec(lower); m !== null; m = ES_ID_CUE.exec(lower)) {
    const at = skipFiller(lower, m.index + m[0].length);
    if (at < 0) continue;
    const v = readAt(ES_ID, lower, at);
    if (!v) continue;
    out.push(makeFinding('DRIVER_LICENSE', text, at, at + v[0].length, 0.88, ID, ['es-dni']));
  }
}
