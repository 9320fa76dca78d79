import type { GuardRule } from '../types.js';

const SSN_SHAPE = /(?<![\d-])\d{3}[- ]\d{2}[- ]\d{4}(?![\d-])/;
const SSN_WORDS = /\b(?:ssn|social security|social insurance|sin|tax id|tin|nif|national insurance)\b/;
/**
 * The same class of number elsewhere, by its name: personnummer, fødselsnummer, CPR, HETU, BSN, PESEL,
 * NIR, codice fiscale, DNI/NIE, Aadhaar, NIN, TFN, IRD. A long digit group or code after it is the number.
 */
const NATIONAL_ID =
  /\b(?:personnummer|personnr|fodselsnummer|cpr(?:-?nummer)?|hetu|henkilotunnus|bsn|burgerservicenummer|pesel|nir|numero de securite sociale|securite sociale|codice fiscale|dni|nie|aadhaar|aadhar|nin|national id(?:entity)?(?: number)?|tfn|tax file number|ird(?: number)?|sozialversicherungsnummer|steuer-?id|insurance number|ni number)\b[^.!?\n]{0,25}?(?<![\p{L}\p{N}])(?=[\p{L}\p{N}-]*\d{6})[\p{L}\p{N}][\p{L}\p{N} -]{6,18}[\p{L}\p{N}]/u;

/** A full social security number, at any level. */
export const neverDiscloseSsn: GuardRule = {
  id: 'guard.never-disclose.ssn',
  check(ctx) {
    const found =
      ctx.input.findings.some((f) => f.type === 'SSN') ||
      SSN_SHAPE.test(ctx.text) ||
      (SSN_WORDS.test(ctx.folded) && ctx.runs.some((r) => r.digits.length === 9)) ||
      NATIONAL_ID.test(ctx.folded);
    return found
      ? {
          reason: 'The message contains a full social security number, which is never sent in chat.',
          hint: 'Remove the number. Never send identity numbers; the customer can see them in their signed-in account.',
        }
      : undefined;
  },
};
