import { describe, expect, it } from 'vitest';
import { maskedOf } from './helpers.js';

describe('CREDIT_CARD', () => {
  it.each([
    ['card 4111 1111 1111 1111 was declined', '4111 1111 1111 1111'],
    ['use my visa 4111111111111111', '4111111111111111'],
    ['amex 3782 822463 10005', '3782 822463 10005'],
    ['amex 3782-822463-10005 please', '3782-822463-10005'],
    ['charge it to 5555-5555-5555-4444 please', '5555-5555-5555-4444'],
    ['refund to card 5100  4724 5810 5326', '5100  4724 5810 5326'],
    ['my card is 4111 1111 1111 1111 exp 12/25', '4111 1111 1111 1111'],
    ['meine Karte 6011 1111 1111 1117', '6011 1111 1111 1117'],
    ['mi tarjeta es 2221 0000 0000 0009', '2221 0000 0000 0009'],
    ['4111 1111 1111 1111', '4111 1111 1111 1111'],
    ['order #4111111111111111 on my visa was charged twice', '4111111111111111'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'CREDIT_CARD')).toEqual([value]);
  });

  it.each([
    'card 4111 1111 1111 1112 was declined',
    'order 4111111111111111 did not arrive',
    'tracking 9400 8164 2367 9265 1315 12',
    '#375-8217982-4093361',
    'order 112-4456789-1234567',
    'call 1234 5678 9012 3456',
    'the serial is 1000000000000008',
  ])('no card in %s', (text) => {
    expect(maskedOf(text, 'CREDIT_CARD')).toEqual([]);
  });
});

describe('IBAN', () => {
  it.each([
    ['IBAN DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
    ['gb29nwbk60161331926819', 'gb29nwbk60161331926819'],
    ['bank transfer from FR14 2004 1010 0505 0001 3M02 606 yesterday', 'FR14 2004 1010 0505 0001 3M02 606'],
    ['mi IBAN es ES91 2100 0418 4502 0005 1332.', 'ES91 2100 0418 4502 0005 1332'],
    ['NO9386011117947 is mine', 'NO9386011117947'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'IBAN')).toEqual([value]);
  });
  it.each([
    'IBAN DE89 3704 0044 0532 0130 01',
    'DE89 3704 0044 0532 0130 0099',
    'model AB12 3456 7890',
    'the ZZ12 thing',
  ])('no IBAN in %s', (text) => {
    expect(maskedOf(text, 'IBAN')).toEqual([]);
  });
});

describe('BANK_ACCOUNT', () => {
  it.each([
    ['acct no 1493279901', ['1493279901']],
    ['account number: 12345678', ['12345678']],
    ['my bank account is 000123456789', ['000123456789']],
    ['routing number 021000021 and account number 1234567890', ['021000021', '1234567890']],
    ['checking 987654321', ['987654321']],
    ['sort code 12-34-56 account 12345678', ['12-34-56 account 12345678']],
    ['Kontonummer 1234567890', ['1234567890']],
    ['mi número de cuenta es 12345678901234', ['12345678901234']],
    ['numéro de compte : 12345678901', ['12345678901']],
  ])('%s', (text, values) => {
    expect(maskedOf(text, 'BANK_ACCOUNT')).toEqual(values);
  });
  it.each([
    'customer account 12345678',
    'my amazon account 12345678 is locked',
    'account A-1001 is locked',
    'my account is locked',
    'order 12345678',
    'acct no 12345',
  ])('no bank account in %s', (text) => {
    expect(maskedOf(text, 'BANK_ACCOUNT')).toEqual([]);
  });
});
