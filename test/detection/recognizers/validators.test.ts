import { describe, expect, it } from 'vitest';
import {
  cardBrand,
  ibanMod97,
  ipv4Octets,
  ipv6Valid,
  luhn,
  ssnValid,
} from '../../../src/detection/recognizers/support/validators.js';

describe('luhn + card brand', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3530111333300000', 'jcb'],
    ['30569309025904', 'diners'],
    ['6200000000000005', 'unionpay'],
  ])('%s is a valid %s', (n, brand) => {
    expect(luhn(n)).toBe(true);
    expect(cardBrand(n)).toBe(brand);
  });
  it.each(['4111111111111112', '1234567812345678', '0000000000000001'])('%s fails Luhn', (n) => {
    expect(luhn(n)).toBe(false);
  });
  it.each([
    ['1000000000000008', 'no issuer starts with 1'],
    ['9400816423679265', 'postal tracking prefix'],
    ['37828224631000', 'amex must be 15 digits'],
    ['555555555555444', 'mastercard must be 16 digits'],
  ])('%s has no card brand (%s)', (n) => {
    expect(cardBrand(n)).toBeUndefined();
  });
});

describe('IBAN mod-97', () => {
  it.each([
    'DE89370400440532013000',
    'GB29NWBK60161331926819',
    'FR1420041010050500013M02606',
    'NO9386011117947',
  ])('%s is valid', (iban) => expect(ibanMod97(iban)).toBe(true));
  it.each(['DE89370400440532013001', 'GB29NWBK60161331926818', 'XX00'])('%s is not', (iban) =>
    expect(ibanMod97(iban)).toBe(false),
  );
});

describe('SSN rules', () => {
  it.each([
    ['123', '45', '6789', true],
    ['000', '45', '6789', false],
    ['666', '45', '6789', false],
    ['900', '45', '6789', false],
    ['123', '00', '6789', false],
    ['123', '45', '0000', false],
  ])('%s-%s-%s valid=%s', (a, g, s, ok) => expect(ssnValid(a, g, s)).toBe(ok));
});

describe('IP forms', () => {
  it.each(['0.0.0.0', '192.168.1.1', '255.255.255.255'])('%s is IPv4', (ip) =>
    expect(ipv4Octets(ip)).toBe(true),
  );
  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5'])('%s is not IPv4', (ip) =>
    expect(ipv4Octets(ip)).toBe(false),
  );
  it.each([
    '2001:db8::1',
    '::1',
    'fe80::1ff:fe23:4567:890a',
    '::ffff:192.0.2.128',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:1.2.3.4',
  ])('%s is IPv6', (ip) => expect(ipv6Valid(ip)).toBe(true));
  it.each(['12:30:45', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '00:1a:2b:3c:4d:5e', '1:2:3:4:5:6:7'])(
    '%s is not IPv6',
    (ip) => expect(ipv6Valid(ip)).toBe(false),
  );
});
