import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/detection/engine.js';
import { personRecognizer } from '../../../src/detection/recognizers/person.js';
import { parsePolicy } from '../../../src/policy/loader.js';

const policy = parsePolicy(
  readFileSync(new URL('../../../policies/default.yaml', import.meta.url), 'utf8'),
).policy;
const detector = createDetector(policy);

/** PERSON values the full engine masks (all recognizers, default policy). */
const persons = (text: string): string[] =>
  detector
    .detect(text)
    .filter((f) => f.type === 'PERSON')
    .map((f) => f.value);

describe('PERSON after a cue', () => {
  it.each([
    ['My name is garett sydney waters ', 'garett sydney waters'],
    ['my name is Candido Denise King.', 'Candido Denise King'],
    ["my name's priya raghunathan", 'priya raghunathan'],
    ['the order was placed by ólafur sigurðsson', 'ólafur sigurðsson'],
    ['this is Alba Isaac McLaughlin writing', 'Alba Isaac McLaughlin'],
    ['this is hunter green writing', 'hunter green'],
    ['Hi, this is Rose Hill speaking', 'Rose Hill'],
    ['I am Kendra Brielle Hodkiewicz, customer since 2015', 'Kendra Brielle Hodkiewicz'],
    ["I'm Chidi Okonkwo and my order never came", 'Chidi Okonkwo'],
    ['i am sue aziel conn, customer since 2015', 'sue aziel conn'],
    ['I am nguyen van an, customer since 2015', 'nguyen van an'],
    ['the order was placed by Miss Edna Jerde and mobile 693.479.7743', 'Miss Edna Jerde'],
    ['name on the account is Tomasz Kowalczyk', 'Tomasz Kowalczyk'],
    ['the account is under the name Marisol Ortega', 'Marisol Ortega'],
    ['ask for Orpha when you call', 'Orpha'],
    ['ask for mabel when you call', 'mabel'],
    ['please ask for Zoie at the door', 'Zoie'],
    ["it's for my wife, Maria", 'Maria'],
    ['my husband Dmitri Volkov will collect it', 'Dmitri Volkov'],
    ['call me Ishmael', 'Ishmael'],
    ['the gift is for Siobhan O’Neill', 'Siobhan O’Neill'],
    ['Jean-Luc Moreau here, about my refund', 'Jean-Luc Moreau'],
    ['J. R. Smith here', 'J. R. Smith'],
    ['my name is John Q. Public', 'John Q. Public'],
    ["my name is D'Angelo Russo", "D'Angelo Russo"],
    ['my name is Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['the order was placed by Aisha Al-Rahman', 'Aisha Al-Rahman'],
    ['my name is José Ñúñez', 'José Ñúñez'],
    ['this is Saoirse Ní Bhriain writing', 'Saoirse Ní Bhriain'],
    ['my name is Zoë Müller', 'Zoë Müller'],
    ['my name is summer rain.', 'summer rain'],
    ['this is Summer Winters writing', 'Summer Winters'],
    ['hey its marcus johnson again', 'marcus johnson'],
    ['the order is under Patel, Raj', 'Patel, Raj'],
    ['my daughter emily will sign for it', 'emily'],
    ['Account holder: Björn Andersson', 'Björn Andersson'],
    ['name: Li Wei', 'Li Wei'],
    ['the recipient is Thandiwe Nkosi', 'Thandiwe Nkosi'],
  ])('%s', (text, value) => {
    expect(persons(text)).toEqual([value]);
  });
});

describe('PERSON as "Last, First"', () => {
  it.each([
    ['Regards, Hauck, Antwan', 'Hauck, Antwan'],
    ['my name is becker, wesley.', 'becker, wesley'],
    ['I am Bayer, Randall, customer since 2015', 'Bayer, Randall'],
    ['this is Buckridge-Schowalter, Mindy writing', 'Buckridge-Schowalter, Mindy'],
    ['the order was placed by o’reilly, niko', 'o’reilly, niko'],
  ])('%s', (text, value) => {
    expect(persons(text)).toEqual([value]);
  });
});

describe('PERSON in other languages', () => {
  it.each([
    ['Hallo, ich heiße Jürgen Weiß', 'Jürgen Weiß'],
    ['mein Name ist Anna Schmidt', 'Anna Schmidt'],
    ['hola, me llamo Lucía Fernández', 'Lucía Fernández'],
    ['mi nombre es Carlos Ruiz', 'Carlos Ruiz'],
    ['Soy Valentina Gómez, tengo un problema', 'Valentina Gómez'],
    ["bonjour, je m'appelle Élodie Durand", 'Élodie Durand'],
    ['mon nom est Pierre Lefebvre', 'Pierre Lefebvre'],
    ['je suis Camille Bonnet, cliente', 'Camille Bonnet'],
  ])('%s', (text, value) => {
    expect(persons(text)).toEqual([value]);
  });
});

describe('PERSON in sign-offs', () => {
  it.each([
    ['Thanks for the help,\nSarah Connor', 'Sarah Connor'],
    ['Regards, Summer Rain. my ip address is 124.98.120.81', 'Summer Rain'],
    ['regards, will bush', 'will bush'],
    ['Best,\nTom', 'Tom'],
    ['Cheers, Kwame', 'Kwame'],
    ['Kind regards, Priya Nair', 'Priya Nair'],
    ['the box was crushed again\n— Jane', 'Jane'],
    ['please refund me asap\nOluwaseun Adeyemi', 'Oluwaseun Adeyemi'],
    ['Mit freundlichen Grüßen\nKlaus Hoffmann', 'Klaus Hoffmann'],
  ])('%s', (text, value) => {
    expect(persons(text)).toEqual([value]);
  });
});

describe('PERSON without a cue', () => {
  it.each([
    ['I spoke with Maria Lopez yesterday about it', 'Maria Lopez'],
    ['Mr. Okafor said it would be refunded', 'Mr. Okafor'],
    ['please send it to Will Smith', 'Will Smith'],
  ])('%s', (text, value) => {
    expect(persons(text)).toEqual([value]);
  });
});

describe('PERSON stays readable', () => {
  it.each([
    'I am upset about this',
    'I am calling about my order',
    "I'm fine, thanks",
    'I am waiting since Monday',
    'I am really disappointed',
    'this is ridiculous',
    'this is taking forever',
    'this is the third time I write',
    'Hi there, my Echo Dot 5th gen is broken',
    'Hello Support, any news?',
    'hi Tom, any update?',
    'thanks Sarah for the quick reply',
    'it left Ann Arbor Dec 8',
    'the Lynn warehouse still has it',
    'it left New Stuart November 10th',
    'it left Port Karlee last week',
    'I paid €470,21 for the PlayStation 5',
    'the Instant Pot Duo 7-in-1 arrived Dec 14 but damaged',
    'the dyson v15 stopped working',
    'the lego set 75192 arrived dec 19 but damaged',
    'I ordered Hunter boots in size 9',
    'the Hunter Boots arrived damaged',
    'my Samsung Galaxy S24 is cracked',
    'I ordered it on Monday and it was due Friday',
    'ask for a refund',
    'ask for help with my order',
    'call me back please',
    'call me at 5pm',
    'the order was placed by mistake',
    'the order was placed by phone',
    'my wife is waiting for it',
    'thank you so much',
    'that did not help at all',
    'Best price I could find',
    'Grace period is over?',
    'Will you refund me?',
    'shipped from Austin Texas yesterday',
    'it is for Christmas',
    'Thanks, will do',
    'Regards\nCustomer Service',
    'ok\nthanks',
    "This is Amazon's fault",
    'Christian Louboutin heels are on sale',
    'the order is under review',
    'its broken again',
    'I bought a Ralph Lauren shirt',
    'Will Amazon refund me?',
  ])('%s', (text) => {
    expect(persons(text)).toEqual([]);
  });
});

describe('person recognizer contract', () => {
  it.each([
    'my name is José Ñúñez and I live at 12 rue de la Paix',
    'Regards, Hauck, Antwan',
    'this is 🙂 Zoë writing',
    '',
  ])('offsets and values agree: %s', (text) => {
    for (const f of personRecognizer.detect({ text, lower: text.toLowerCase() })) {
      expect(f.value).toBe(text.slice(f.start, f.end));
      expect(f.type).toBe('PERSON');
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
    }
  });

  it('is linear in message length', () => {
    const long = 'my name is Maria Lopez and I am calling about my order. '.repeat(300);
    const t0 = performance.now();
    const found = personRecognizer.detect({ text: long, lower: long.toLowerCase() });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(found.length).toBeGreaterThanOrEqual(300);
  });
});
