import { addressRecognizer } from './recognizers/address.js';
import { bankAccountRecognizer } from './recognizers/bank-account.js';
import { creditCardRecognizer } from './recognizers/credit-card.js';
import { dateOfBirthRecognizer } from './recognizers/date-of-birth.js';
import { driverLicenseRecognizer } from './recognizers/driver-license.js';
import { emailRecognizer } from './recognizers/email.js';
import { ibanRecognizer } from './recognizers/iban.js';
import { ipAddressRecognizer } from './recognizers/ip-address.js';
import { passportRecognizer } from './recognizers/passport.js';
import { passwordRecognizer } from './recognizers/password.js';
import { personRecognizer } from './recognizers/person.js';
import { phoneRecognizer } from './recognizers/phone.js';
import { ssnRecognizer } from './recognizers/ssn.js';
import { verificationCodeRecognizer } from './recognizers/verification-code.js';
import type { Recognizer } from './types.js';

/** The built-in recognizers, one per file in recognizers/. Order does not affect results (see merge.ts). */
export function builtinRecognizers(): Recognizer[] {
  return [
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
    personRecognizer,
    addressRecognizer,
  ];
}
