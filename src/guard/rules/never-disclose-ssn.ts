import { plain } from '../text.js';
import type { GuardRule } from '../types.js';

const SSN_SHAPE = /(?<![\d-])\d{3}[- ]\d{2}[- ]\d{4}(?![\d-])/;
const SSN_WORDS = /\b(?:ssn|social security|social insurance|sin|tax id|tin|nif|national insurance)\b/;
/**
 * The same class of number elsewhere, by its name: personnummer, fødselsnummer, CPR, HETU, BSN, PESEL,
 * NIR, codice fiscale, DNI/NIE, Aadhaar, NIN, TFN, IRD. One list: the number after a name, and a
 * customer asking for one by name.
 */
const ID_NAMES =
  "cpf|cnpj|rut|curp|nss|nino|ppsn|pps number|sofinummer|cedula|ausweisnummer|personalausweis(?:nummer)?|id card number|identity card number|carte d'identite|numero de documento|personnummer|personnr|fodselsnummer|cpr(?:-?nummer)?|hetu|henkilotunnus|bsn|burgerservicenummer|pesel|nir|numero de securite sociale|securite sociale|codice fiscale|dni|nie|aadhaar|aadhar|nin|national id(?:entity)?(?: number)?|tfn|tax file number|ird(?: number)?|sozialversicherungsnummer|steuer-?id|insurance number|ni number";
/** A long digit group or code after the name is the number. */
const NATIONAL_ID = new RegExp(
  `\\b(?:${ID_NAMES})\\b[^.!?\\n]{0,25}?(?<![\\p{L}\\p{N}])(?=(?:[\\p{L}-]*\\d){4})[\\p{L}\\p{N}][\\p{L}\\p{N} .-]{6,18}[\\p{L}\\p{N}]`,
  'u',
);
/** The customer's latest message asks for such a number. */
const ASKS_ID = new RegExp(
  `\\b(?:${ID_NAMES}|ssn|social security|national insurance|id number|tax id|sin)\\b`,
);
/** A number shaped like one: "19661005-4821", "850526-4417", "91030912345". */
const ID_SHAPED =
  /(?<![\d-])(?:\d{6}|\d{8})[-+]?\d{4}(?![\d-])|(?<!\d)\d{11}(?!\d)|(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/;

const askedForId = (texts: readonly string[] | undefined): boolean => {
  const last = texts?.[texts.length - 1];
  return last !== undefined && ASKS_ID.test(plain(last));
};

/** A full social security number, at any level. */
export const neverDiscloseSsn: GuardRule = {
  id: 'guard.never-disclose.ssn',
  check(ctx) {
    const found =
      ctx.input.findings.some((f) => f.type === 'SSN') ||
      SSN_SHAPE.test(ctx.text) ||
      (SSN_WORDS.test(ctx.folded) && ctx.runs.some((r) => r.digits.length === 9)) ||
      NATIONAL_ID.test(ctx.folded) ||
      (askedForId(ctx.input.customerTexts) && ID_SHAPED.test(ctx.text));
    return found
      ? {
          reason: 'The message contains a full social security number, which is never sent in chat.',
          hint: 'Remove the number. Never send identity numbers; the customer can see them in their signed-in account.',
        }
      : undefined;
  },
};
