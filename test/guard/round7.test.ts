import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import { analyzeCustomerTurn, evaluate } from '../../src/guard/index.js';
import { respell } from '../../src/guard/respell.js';
import type { Scenario } from '../fixtures/guard/scenarios.js';
import { findingsFor, inputFor } from './harness.js';

/**
 * The general mechanisms added in the seventh generalisation round, each on an account and phrasings
 * that appear nowhere in the labelled corpora.
 */

const KATRIN: AccountRecord = {
  id: 'R7-1',
  name: 'Katrin Vogel',
  emails: ['katrin.vogel@gmail.com'],
  phones: ['+49 152 3456 7890'],
  addresses: ['Bergmannstraße 5, 10961 Berlin'],
  dateOfBirth: '1980-07-04',
  cardLast4: ['6060'],
  flags: [],
};

const NOW = Date.parse('2026-11-28T12:00:00Z');

const scenario = (customer: Scenario['customer'], level: Scenario['level'] = 'knowledge'): Scenario => ({
  level,
  accountId: KATRIN.id,
  accounts: [KATRIN],
  customer: [
    {
      text: 'Katrin Vogel, katrin.vogel@gmail.com',
      findings: [
        { type: 'PERSON', value: 'Katrin Vogel' },
        { type: 'EMAIL', value: 'katrin.vogel@gmail.com' },
      ],
    },
    ...customer,
  ],
});
const asks = (text: string, level: Scenario['level'] = 'knowledge') => scenario([{ text }], level);
const decide = (s: Scenario, text: string) => evaluate({ ...inputFor(s, text), now: NOW }).decision;

describe('picking or rejecting a value the customer offered, whatever else was asked', () => {
  // The customer names two places and then asks about something else: no bare answer is pending,
  // but naming one of their places to reject or pick it still judges the claim.
  const options = scenario([
    { text: 'I split my time between Hamburg and Dresden.' },
    { text: 'Anyway, does the jacket come in green?' },
  ]);
  it.each(['Not the Dresden one.', 'No, not Hamburg.', "It's the one in Dresden.", 'The Hamburg one.'])(
    'blocks %s',
    (text) => expect(decide(options, text)).toBe('block'),
  );
  it.each(['Not yet, the green one is back in stock next week.', 'Yes, it comes in green.'])(
    'delivers %s',
    (text) => expect(decide(options, text)).toBe('deliver'),
  );
});

describe('customer turns', () => {
  const turn = (text: string, labelled: { type: string; value: string }[] = []) =>
    analyzeCustomerTurn(text, findingsFor(text, labelled));

  it.each([
    'I have two flats, which one do you ship to?',
    'Where will my new card be sent?',
    'where do you deliver my orders these days?',
  ])('asking where things are sent asks for the address: %s', (text) => {
    const t = turn(text);
    expect(t.identity).toBe('question');
    expect(t.kinds).toContain('address');
  });

  it.each(['Where do you ship to?', 'Where does my order ship from?'])(
    'asking about shipping in general is not: %s',
    (text) => expect(turn(text).identity).toBe('none'),
  );

  it('an order number after the details is a question about the order', () => {
    const text = 'hi Katrin here katrin.vogel@gmail.com, where is my order 55120987?';
    const t = turn(text, [
      { type: 'PERSON', value: 'Katrin' },
      { type: 'EMAIL', value: 'katrin.vogel@gmail.com' },
    ]);
    expect(t.identity).toBe('statement');
    expect(t.otherQuestion).toBe(true);
  });
});

describe('disclosures in other shapes', () => {
  const phone = asks('which number do you have for me?');
  const birthday = asks('what birthday do you have on file for me?');
  const email = asks('which email do you have for me?');
  it.each([
    [phone, 'the national prefix with its trunk 0', 'Es ist eine 0152er Nummer.'],
    [phone, 'the end, in Spanish', 'Termina en 90.'],
    [phone, 'the end, in French', 'Il se termine par 90.'],
    [phone, 'the end, in German', 'Die Nummer endet auf 90.'],
    [phone, 'one digit in words after "ends with"', 'It ends with a zero.'],
    [birthday, 'an age', "You'll be turning 47 next year, I see."],
    [birthday, 'a zodiac sign', "You're a Cancer, right?"],
    [birthday, 'a named day', 'Your birthday is on the Fourth of July!'],
    [birthday, 'a season', 'Yours is in the summer.'],
    [email, 'the company behind the provider', "It's with Google."],
  ])('blocks %s: %s', (s, _what, text) => expect(decide(s, text)).toBe('block'));

  it.each([
    [phone, 'Call us on +1 800 555 0100 anytime.'],
    [birthday, 'Our summer sale has birthday discounts for members.'],
    [birthday, 'Birthday rewards arrive in your birthday month.'],
    [phone, 'Your parcel is 47 cm long.'],
  ])('delivers %s', (s, text) => expect(decide(s, text)).toBe('deliver'));

  it('lets the verified owner hear them', () => {
    expect(decide(asks('which number do you have?', 'possession'), 'Termina en 90.')).toBe('deliver');
  });

  it('respells one digit only after an end or start phrase', () => {
    expect(respell('it ends with a seven')).toBe('it ends with a 7');
    expect(respell('seven days a week')).toBe('seven days a week');
  });
});

describe('judgements in more words and languages', () => {
  const claim = asks('is my number still +49 152 3456 7891?');
  it.each([
    'Sounds about right.',
    'Good memory!',
    "I don't think so.",
    'Way off, sorry.',
    'Right area code, wrong ending.',
    'Looks like a typo.',
    'Nothing has changed on our side.',
    'The one on file is older than that.',
    "That isn't what we have.",
    'Your records and ours agree.',
    'Claro que sí.',
    'Tout à fait.',
    'Leider nicht.',
    'Não bate.',
    'Wir haben eine andere Nummer.',
    "C'est presque ça.",
    "It's a German number.",
  ])('blocks %s', (text) => expect(decide(claim, text)).toBe('block'));

  it.each([
    "If it's wrong, we can fix it once you're verified.",
    'Whether it matches or not, I need to verify you first.',
    'Sure thing, let me send a code to the contact on file.',
    'Claro, le envío un código ahora mismo.',
    'Yes, I can help, but first I need to verify you with a code.',
    'Please double-check the code we sent.',
    "I'll correct it once you're verified.",
  ])('delivers %s', (text) => expect(decide(claim, text)).toBe('deliver'));
});

describe('fresh step-up: describing a change is not making it', () => {
  const verified = asks('hi', 'possession');
  it.each([
    'I understand you need a replacement card.',
    'A replacement card normally arrives within a week.',
    'The account page lets you change your email yourself.',
  ])('delivers %s', (text) => expect(decide(verified, text)).toBe('deliver'));
  it('still holds making the change', () => {
    expect(decide(verified, 'A replacement card has been ordered for you.')).toBe('block');
  });
});
