import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/detection/engine.js';
import { addressRecognizer } from '../../../src/detection/recognizers/address.js';
import { parsePolicy } from '../../../src/policy/loader.js';

const policy = parsePolicy(
  readFileSync(new URL('../../../policies/default.yaml', import.meta.url), 'utf8'),
).policy;
const detector = createDetector(policy);

/** ADDRESS values the full engine masks (all recognizers, default policy). */
const addresses = (text: string): string[] =>
  detector
    .detect(text)
    .filter((f) => f.type === 'ADDRESS')
    .map((f) => f.value);

describe('ADDRESS, US and generic number-first', () => {
  it.each([
    ['deliver to 510 amber ct', '510 amber ct'],
    ['my home address: 876 maple ct\nacct no 176911030', '876 maple ct'],
    ['the parcel should go to 353 amber blvd, not the old one', '353 amber blvd'],
    ['the parcel should go to 353 amber blvd, not the old one\nborn 12/01/1948', '353 amber blvd'],
    ['please update the address to 515 elm st. also the password i use is summer654', '515 elm st'],
    [
      'please update the address to 7308 E 11th Street, Apt 4C West Alexandria NY 45065',
      '7308 E 11th Street, Apt 4C West Alexandria NY 45065',
    ],
    [
      'deliver to 18004 Charlene Courts, Apt 36C, Brennonborough, KY 98390',
      '18004 Charlene Courts, Apt 36C, Brennonborough, KY 98390',
    ],
    [
      'my home address: 3025 schuster fall unit 12, north jordi, mt 83130',
      '3025 schuster fall unit 12, north jordi, mt 83130',
    ],
    [
      'ship to 1600 Pennsylvania Ave NW, Washington, DC 20500 please',
      '1600 Pennsylvania Ave NW, Washington, DC 20500',
    ],
    ['I live at 42 Wallaby Way, Sydney NSW 2000', '42 Wallaby Way, Sydney NSW 2000'],
    [
      'new address is 8436 N Bridge Street, Suite 109, South Jeffburgh',
      '8436 N Bridge Street, Suite 109, South Jeffburgh',
    ],
    [
      'send it to 991 Frida Parkways #138 Marshaville VA 32451, not the old one',
      '991 Frida Parkways #138 Marshaville VA 32451',
    ],
    ['deliver to 14318 Hillside, Suite 622, East Oceane', '14318 Hillside, Suite 622, East Oceane'],
    ['deliver to 57 nakia drove, new witting nw8 1oj', '57 nakia drove, new witting nw8 1oj'],
    ['we moved to 12 Oak Street, Springfield, IL 62704 last week', '12 Oak Street, Springfield, IL 62704'],
    ['my address is 221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
    [
      '145 Douglas Road, Newton Kris Place HS06 36Y is where I live',
      '145 Douglas Road, Newton Kris Place HS06 36Y',
    ],
    ['1455 Market St, San Francisco, CA 94103-1331', '1455 Market St, San Francisco, CA 94103-1331'],
    ['home: 40 Bay St., Toronto ON M5J 2X2', '40 Bay St., Toronto ON M5J 2X2'],
    ['deliver to 17 Hollow Creek Rd and call me at 555-0199', '17 Hollow Creek Rd'],
  ])('%s', (text, value) => {
    expect(addresses(text)).toEqual([value]);
  });
});

describe('ADDRESS, PO boxes', () => {
  it.each([
    [
      'please update the address to PO Box 41494, North Michaelshire, OH 03529',
      'PO Box 41494, North Michaelshire, OH 03529',
    ],
    [
      'deliver to po box 27638, louisstead, pa 07962 my passport is 945098671',
      'po box 27638, louisstead, pa 07962',
    ],
    ['send it to p.o. box 12', 'p.o. box 12'],
    ['Post Office Box 773, Anchorage, AK 99501', 'Post Office Box 773, Anchorage, AK 99501'],
  ])('%s', (text, value) => {
    expect(addresses(text)).toEqual([value]);
  });
});

describe('ADDRESS, European orders', () => {
  it.each([
    ['Lieferadresse: Hauptstraße 12, 80331 München', 'Hauptstraße 12, 80331 München'],
    ['bitte an Musterstr. 5a schicken', 'Musterstr. 5a'],
    [
      'deliver to carl-maria-von-weber-str. 40, 15179 halle (saale)',
      'carl-maria-von-weber-str. 40, 15179 halle (saale)',
    ],
    [
      'my home address: Am Weingarten 100, 54098 Neu Leah\ndob 1947-10-22',
      'Am Weingarten 100, 54098 Neu Leah',
    ],
    ['mi dirección: Calle Mayor 10, 3º B, 28013 Madrid', 'Calle Mayor 10, 3º B, 28013 Madrid'],
    ['adresse: 12 rue de la Paix, 75002 Paris', '12 rue de la Paix, 75002 Paris'],
    ['morada: Rua das Flores 28, 4050-262 Porto', 'Rua das Flores 28, 4050-262 Porto'],
    ['spedire a Via Roma 15, 00184 Roma', 'Via Roma 15, 00184 Roma'],
    ['Keizersgracht 123, 1015 CJ Amsterdam', 'Keizersgracht 123, 1015 CJ Amsterdam'],
  ])('%s', (text, value) => {
    expect(addresses(text)).toEqual([value]);
  });
});

describe('ADDRESS stays readable', () => {
  it.each([
    'it left Ann Arbor Dec 8',
    'the Lynn warehouse has it',
    'it left North Janberg yesterday',
    'I live in Springfield',
    'it is somewhere down the road',
    'the shop on main street somewhere',
    'it was a 24 hour drive',
    'I waited 3 hours on the road',
    'we have 2 lane road here',
    'the lego set 75192 arrived dec 19 but damaged',
    'the Ninja AF101 air fryer arrived 8/1 but damaged',
    'I paid €470,21 for the PlayStation 5',
    'order 23496339 has not shipped',
    'package 9400 8164 2367 9265 1315 12 is stuck',
    'deliver between 4pm and 5pm',
    'I gave it 1 star review',
    'the iPhone 15 Pro arrived November 4th',
    'Echo Dot 5th gen arrived broken',
    'any update on ticket #138435?',
    'I have 2 kids at home way too busy',
    'route 66 is closed',
    'my zip is not working',
    'there are 3 places I could pick it up',
  ])('%s', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('address recognizer contract', () => {
  it.each(['deliver to 12 rue de la Paix, 75002 Paris', 'PO Box 1', 'ship to 5 Main St', ''])(
    'offsets and values agree: %s',
    (text) => {
      for (const f of addressRecognizer.detect({ text, lower: text.toLowerCase() })) {
        expect(f.value).toBe(text.slice(f.start, f.end));
        expect(f.type).toBe('ADDRESS');
        expect(f.score).toBeLessThanOrEqual(1);
      }
    },
  );

  it('is linear in message length', () => {
    const long = 'please ship to 12 Oak Street, Springfield, IL 62704 and not 3 hours away. '.repeat(300);
    const t0 = performance.now();
    const found = addressRecognizer.detect({ text: long, lower: long.toLowerCase() });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(found.length).toBe(300);
  });
});
