import { describe, expect, it } from 'vitest';
import { maskedOf } from './helpers.js';

describe('PASSWORD', () => {
  it.each([
    ['the password I use is Monkey1091', 'Monkey1091'],
    ['my pw is hunter2', 'hunter2'],
    ['password: x', 'x'],
    ['pass is Tr0ub4dor&3', 'Tr0ub4dor&3'],
    ['the password is summer1562#.', 'summer1562#'],
    ['Summer2011! is not it, the password I use is Summer2011!', 'Summer2011!'],
    ['my password is sunshine', 'sunshine'],
    ['Passwort ist sommer2024', 'sommer2024'],
    ['mi contraseña es gatito99', 'gatito99'],
    ['mon mot de passe est soleil123.', 'soleil123'],
    ['my login is jane / pass1', 'jane / pass1'],
    ['my pin is 4821', '4821'],
    ['password is "correct horse battery"', 'correct horse battery'],
    ['I changed my password to Bluebird77', 'Bluebird77'],
    ['the password for my account is Xk9#mm', 'Xk9#mm'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'PASSWORD')).toContain(value);
  });
  it.each([
    'my password is not working',
    'my password was changed yesterday',
    'I forgot my password, can you reset it?',
    "I'll pass, thanks",
    'the password is incorrect',
    'my login was successful',
    'password reset please',
    'Passwort ist falsch',
    'mi contraseña es incorrecta',
    'the secret is out',
    'the password i use is monkey290! i paid 351 dollars',
  ])('no password beyond the secret in %s', (text) => {
    expect(maskedOf(text, 'PASSWORD').filter((v) => v !== 'monkey290!')).toEqual([]);
  });
});

describe('VERIFICATION_CODE', () => {
  it.each([
    ['the code is 482913', '482913'],
    ["here's the code: 4829", '4829'],
    ['verification code 482 913', '482 913'],
    ['you sent me 839201', '839201'],
    ['OTP 12345678', '12345678'],
    ['482913', '482913'],
    ['482 913', '482 913'],
    ['  4829 ', '4829'],
    ['mi código es 552211', '552211'],
    ['der Bestätigungscode lautet 552211', '552211'],
    ['le code est 552211', '552211'],
    ['the code is four eight two nine one three', 'four eight two nine one three'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'VERIFICATION_CODE')).toEqual([value]);
  });
  it.each([
    '12345678',
    '2019',
    'my zip code is 90210',
    'error code 404 again',
    'use promo code SAVE20',
    'area code 415',
    'the code for order 12345678 did not work',
    'I have 3 items',
    'lego set 75192',
  ])('no code in %s', (text) => {
    expect(maskedOf(text, 'VERIFICATION_CODE')).toEqual([]);
  });
});

describe('IP_ADDRESS', () => {
  it.each([
    ['my ip address is 197.125.62.216. it left Ann Arbor', '197.125.62.216'],
    ['10.0.0.1', '10.0.0.1'],
    ['my ip is 2001:db8::ff00:42:8329', '2001:db8::ff00:42:8329'],
    ['server at ::ffff:192.0.2.128', '::ffff:192.0.2.128'],
    ['be0d:6abf:3e17:b9da:ca09:a1bd:ce25:e24c', 'be0d:6abf:3e17:b9da:ca09:a1bd:ce25:e24c'],
    ['fe80::1 is the router', 'fe80::1'],
    ['meine IP-Adresse ist 85.12.3.4', '85.12.3.4'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'IP_ADDRESS')).toEqual([value]);
  });
  it.each([
    'version 1.2.3 fixed it',
    'update to v10.0.0.1 please',
    'release 10.0.19045.2965 broke it',
    'it costs 1.299.999',
    '256.1.1.1',
    'meeting 12:30:45 today',
    'mac 00:1a:2b:3c:4d:5e',
    'born 03.04.1988',
  ])('no IP in %s', (text) => {
    expect(maskedOf(text, 'IP_ADDRESS')).toEqual([]);
  });
});
