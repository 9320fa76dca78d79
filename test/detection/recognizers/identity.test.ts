import { describe, expect, it } from 'vitest';
import { maskedOf } from './helpers.js';

describe('SSN', () => {
  it.each([
    ['SSN: 590-60-6308', '590-60-6308'],
    ['ssn: 039 93 8062', '039 93 8062'],
    ['SSN: 275.89.1882', '275.89.1882'],
    ['SSN: 658666797', '658666797'],
    ['my social security number is 219099999', '219099999'],
    ['123-45-6789', '123-45-6789'],
    ['last four of my social are 1234', '1234'],
    ['my ssn ends in 5678', '5678'],
    ['the last 4 digits of my SSN: 4321', '4321'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'SSN')).toEqual([value]);
  });
  it.each([
    'ssn 000-12-3456',
    'ssn 666-12-3456',
    'ssn 912-12-3456',
    'ssn 123-00-4567',
    'ssn 123-45-0000',
    'order 123-45-6789',
    '123456789',
    'zip 12345-6789',
    'call 123 456 7890',
    'last four of my card are 1234',
  ])('no SSN in %s', (text) => {
    expect(maskedOf(text, 'SSN')).toEqual([]);
  });
});

describe('PASSPORT', () => {
  it.each([
    ['my passport is 945098671', '945098671'],
    ['passport number: PN3885748', 'PN3885748'],
    ['passport no. la2273883', 'la2273883'],
    ['Reisepass C01X00T47', 'C01X00T47'],
    ['mi pasaporte es XDA123456', 'XDA123456'],
    ['numéro de passeport 12AB34567', '12AB34567'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'PASSPORT')).toEqual([value]);
  });
  it.each(['my passport expired', 'passport photo 2x2', 'passport is in the mail', 'order 945098671'])(
    'no passport in %s',
    (text) => {
      expect(maskedOf(text, 'PASSPORT')).toEqual([]);
    },
  );
});

describe('DRIVER_LICENSE', () => {
  it.each([
    ["driver's license D009-8918-3131", 'D009-8918-3131'],
    ['license no. v397-2411-2888 and ok', 'v397-2411-2888'],
    ['license no. WDLGNOR93I3X', 'WDLGNOR93I3X'],
    ['DL# X1856540', 'X1856540'],
    ['drivers licence number is S12345678', 'S12345678'],
    ['Führerschein B072RRE2I55', 'B072RRE2I55'],
    ['licencia de conducir 12345678Z', '12345678Z'],
    ['permis de conduire 123456789012', '123456789012'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'DRIVER_LICENSE')).toEqual([value]);
  });
  it.each([
    'license key ABCD-1234-EFGH',
    "my driver's license expired",
    'license plate 7ABC123',
    'software license 2024',
  ])('no licence in %s', (text) => {
    expect(maskedOf(text, 'DRIVER_LICENSE')).toEqual([]);
  });
});

describe('DATE_OF_BIRTH', () => {
  it.each([
    ['dob 1/22/54', '1/22/54'],
    ['born 02/03/2005', '02/03/2005'],
    ['dob 1994-02-28', '1994-02-28'],
    ['dob 4 may 1988', '4 may 1988'],
    ['dob jun 7 1957', 'jun 7 1957'],
    ['born the 12th of May 1946', 'the 12th of May 1946'],
    ['date of birth: 14 September 1984', '14 September 1984'],
    ['DOB March 3rd, 1942', 'March 3rd, 1942'],
    ['born 3.4.1988', '3.4.1988'],
    ['geboren am 3. März 1988', '3. März 1988'],
    ['Geburtsdatum: 03.04.1988', '03.04.1988'],
    ['fecha de nacimiento: 3 de marzo de 1988', '3 de marzo de 1988'],
    ['nacida el 12/05/1990', '12/05/1990'],
    ['née le 3 mars 1988', '3 mars 1988'],
    ['date de naissance 1er avril 1975', '1er avril 1975'],
    ['1/22/54 is my birthday', '1/22/54'],
    ['my birthday is May 3rd', 'May 3rd'],
    ['I was born in 1985', '1985'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });
  it.each([
    'it left Ann Arbor Dec 8',
    'the iPhone arrived November 4th but damaged',
    'ordered on 02/03/2024, arrived 2024-02-10',
    'it should arrive by 8/1',
    'I ordered on 3/4/2021 for my birthday',
    'my birthday gift arrived Dec 8',
    'customer since 2015',
    'see you tuesday',
    'delivery 12/25/2024 please',
  ])('no birth date in %s', (text) => {
    expect(maskedOf(text, 'DATE_OF_BIRTH')).toEqual([]);
  });
});
