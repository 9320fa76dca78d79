import { readFileSync } from 'node:fs';
import type { Finding } from '../../../src/core/finding.js';
import { createDetector } from '../../../src/detection/engine.js';
import { bankAccountRecognizer } from '../../../src/detection/recognizers/bank-account.js';
import { creditCardRecognizer } from '../../../src/detection/recognizers/credit-card.js';
import { dateOfBirthRecognizer } from '../../../src/detection/recognizers/date-of-birth.js';
import { driverLicenseRecognizer } from '../../../src/detection/recognizers/driver-license.js';
import { emailRecognizer } from '../../../src/detection/recognizers/email.js';
import { ibanRecognizer } from '../../../src/detection/recognizers/iban.js';
import { ipAddressRecognizer } from '../../../src/detection/recognizers/ip-address.js';
import { passportRecognizer } from '../../../src/detection/recognizers/passport.js';
import { passwordRecognizer } from '../../../src/detection/recognizers/password.js';
import { phoneRecognizer } from '../../../src/detection/recognizers/phone.js';
import { ssnRecognizer } from '../../../src/detection/recognizers/ssn.js';
import { verificationCodeRecognizer } from '../../../src/detection/recognizers/verification-code.js';
import { parsePolicy } from '../../../src/policy/loader.js';

/** The structured-data recognizers only, so these tests do not move when PERSON/ADDRESS change. */
export const structuredRecognizers = [
  emailRecognizer,
  phoneRecognizer,
  creditCardRecognizer,
  ssnRecognizer,
  ibanRecognizer,
  ipAddressRecognizer,
  bankAccountRecognizer,
  passportRecognizer,
  driverLicenseRecognizer,
  passwordRecognizer,
  verificationCodeRecognizer,
  dateOfBirthRecognizer,
];

const policy = parsePolicy(
  readFileSync(new URL('../../../policies/default.yaml', import.meta.url), 'utf8'),
).policy;
const detector = createDetector(policy, { recognizers: structuredRecognizers });

/** What the engine masks (default policy: threshold, keep spans, merge), as `TYPE:value` strings. */
export function masked(text: string): string[] {
  return detector.detect(text).map((f: Finding) => `${f.type}:${f.value}`);
}

/** Values of one type the engine masks. */
export function maskedOf(text: string, type: string): string[] {
  return detector
    .detect(text)
    .filter((f) => f.type === type)
    .map((f) => f.value);
}

/** The full engine with the default policy. */
export const fullDetector = createDetector(policy);

/** Values of one type the full engine masks (all recognizers, default policy): held-out tests use it. */
export function found(text: string, type: string): string[] {
  return fullDetector
    .detect(text)
    .filter((f) => f.type === type)
    .map((f) => f.value);
}

/** Offsets and value agree for every finding a recognizer returns: the engine and masker rely on it. */
export function offsetsConsistent(text: string): boolean {
  return structuredRecognizers.every((r) =>
    r
      .detect({ text, lower: text.toLowerCase() })
      .every(
        (f) =>
          f.value === text.slice(f.start, f.end) && f.score >= 0 && f.score <= 1 && f.recognizer === r.id,
      ),
  );
}
