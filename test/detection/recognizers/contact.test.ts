import { describe, expect, it } from 'vitest';
import { maskedOf, offsetsConsistent } from './helpers.js';

describe('EMAIL', () => {
  it.each([
    ['contact: jane.doe@example.com', 'jane.doe@example.com'],
    ['MAIL ME AT JANE_DOE77@YAHOO.COM THANKS', 'JANE_DOE77@YAHOO.COM'],
    ['paige.goyette+orders@outlook.com is mine', 'paige.goyette+orders@outlook.com'],
    ['write to j.doe@mail.uni-koeln.de.', 'j.doe@mail.uni-koeln.de'],
    ['jane at gmail dot com', 'jane at gmail dot com'],
    ['mail: jane [at] outlook [dot] com', 'jane [at] outlook [dot] com'],
    ['jane(at)gmx(dot)de bitte', 'jane(at)gmx(dot)de'],
    ['jane dot doe at yahoo dot co dot uk', 'jane dot doe at yahoo dot co dot uk'],
    ['schreib an max.mustermann@web.de', 'max.mustermann@web.de'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'EMAIL')).toEqual([value]);
  });

  it.each([
    'meet at home dot',
    'I ordered at amazon dot com',
    'look at this dot com bubble',
    'the @ sign is broken on my keyboard',
    'version 2.0 at launch',
    'we met @ 5pm',
  ])('no email in %s', (text) => {
    expect(maskedOf(text, 'EMAIL')).toEqual([]);
  });
});

describe('PHONE', () => {
  it.each([
    ['my phone number is 768.876.1685', '768.876.1685'],
    ['mobile (262) 664-4577', '(262) 664-4577'],
    ['call 1-600-283-8614 anytime', '1-600-283-8614'],
    ['reach me on +1 (692) 603-7364', '+1 (692) 603-7364'],
    ['mobile 377 659 9802 ext. 649', '377 659 9802 ext. 649'],
    ['cell 206.555.1212x12', '206.555.1212x12'],
    ['I changed my number to 4824828709 last month', '4824828709'],
    ['text me on 07893 473224', '07893 473224'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['ring me on 020 7946 0958', '020 7946 0958'],
    ['Meine Handynummer ist 0151 23456789', '0151 23456789'],
    ['Tel: +49 30 12345678, danke', '+49 30 12345678'],
    ['Festnetz 030 12345678, Telefon', '030 12345678'],
    ['mon portable: 06 12 34 56 78', '06 12 34 56 78'],
    ['+33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['mi teléfono es 612 34 56 78', '612 34 56 78'],
    ['mi móvil: +34 612 345 678', '+34 612 345 678'],
    ['+91 98765 43210 is my whatsapp', '+91 98765 43210'],
    ['my number is 098765 43210', '098765 43210'],
    ['call 0412 345 678', '0412 345 678'],
    ['(02) 9876 5432 is the landline', '(02) 9876 5432'],
    ['+351 912 345 678', '+351 912 345 678'],
    ['my number is two oh six five five five one two one two', 'two oh six five five five one two one two'],
    ["it's 555 one two one two, call anytime", '555 one two one two'],
    [
      'meine Nummer: null eins fünf eins zwei drei vier fünf sechs sieben',
      'null eins fünf eins zwei drei vier fünf sechs sieben',
    ],
    [
      'mi número es seis uno dos tres cuatro cinco seis siete ocho',
      'seis uno dos tres cuatro cinco seis siete ocho',
    ],
    ['order 23496339 shipped; my cell is 415 555 0134', '415 555 0134'],
    ['4155551234', '4155551234'],
  ])('%s', (text, value) => {
    expect(maskedOf(text, 'PHONE')).toEqual([value]);
  });

  it.each([
    'order 1234567890 never arrived',
    'my order number is 2065551212',
    'ticket 2065551212 still open',
    'tracking 123456789012 says delivered',
    'acct no 1493279901',
    'I have 3 kids and 2 dogs, 10 cats',
    'the total was 1,234,567 points',
    'see you at 10:30 on 12/25/2024',
    'born 02.03.1961',
    'ip 197.125.62.216',
    'ssn 123-45-6789',
    'zip 12345-6789',
    'item 12345678',
    'it costs $1234567.89',
    'I have one two many problems',
    'order W764243438 status',
    '#375-8217982-4093361',
  ])('no phone in %s', (text) => {
    expect(maskedOf(text, 'PHONE')).toEqual([]);
  });

  it('offsets match values', () => {
    expect(offsetsConsistent('call +1 (206) 555-1212 x12 or two oh six five five five one two one two')).toBe(
      true,
    );
  });
});
