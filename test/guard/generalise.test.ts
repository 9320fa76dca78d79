import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import { analyzeCustomerTurn, evaluate } from '../../src/guard/index.js';
import { respell } from '../../src/guard/respell.js';
import type { Scenario } from '../fixtures/guard/scenarios.js';
import { findingsFor, inputFor } from './harness.js';

/** A Canadian account, so regions, countries and postcodes other than the US shapes are exercised. */
const RAHUL: AccountRecord = {
  id: 'G-1',
  name: 'Rahul Mehta',
  emails: ['rahul.mehta@hotmail.com'],
  phones: ['+1 (416) 555-0178'],
  addresses: ['88 Birchmount Road, Toronto, ON M1N 3J5, Canada'],
  dateOfBirth: '1984-04-03',
  cardLast4: ['5530'],
  flags: [],
};

const asks = (question: string, level: Scenario['level'] = 'knowledge'): Scenario => ({
  level,
  accountId: 'G-1',
  accounts: [RAHUL],
  customer: [
    {
      text: 'Rahul Mehta, rahul.mehta@hotmail.com',
      findings: [
        { type: 'PERSON', value: 'Rahul Mehta' },
        { type: 'EMAIL', value: 'rahul.mehta@hotmail.com' },
      ],
    },
    { text: question },
  ],
});

const decide = (s: Scenario, text: string, findings: { type: string; value: string }[] = []) =>
  evaluate(inputFor(s, text, findings)).decision;

describe('respell', () => {
  it.each([
    ['five-oh-three', '503'],
    ['zero one one seven', '0117'],
    ['it ends in six four', 'it ends in 64'],
    ['sixty-four', '64'],
    ['double seven', '77'],
    ['B-I-R-C-H', 'BIRCH'],
    ['F A S T M A I L dot com', 'FASTMAIL.com'],
    ['h-dot-vance', 'h.vance'],
  ])('%s -> %s', (input, want) => expect(respell(input)).toBe(want));

  it.each(['that one is fine', 'five days', "at five o'clock", 'one or two items', 'I am a fan', 'oh no'])(
    'leaves ordinary English alone: %s',
    (text) => expect(respell(text)).toBe(text),
  );
});

describe('disclosures in other spellings and places', () => {
  const where = asks('what address do you have for me?');
  it.each([
    ['street split in two', 'It is on Birch Mount.'],
    ['street hyphenated', 'Birch-mount Road.'],
    ['street letter by letter', 'B-I-R-C-H-M-O-U-N-T'],
    ['province by name', 'It is an Ontario address.'],
    ['country as an adjective', 'It is a Canadian address.'],
    ['phone digits in words', 'The number ends in zero one seven eight.'],
    ['area code in words', 'It starts with four-one-six.'],
    ['unfinished postcode', "It's M1N-something."],
    ['masked phone with the real end', 'It is xxx-xxx-0178.'],
    ['birth day ordinal', 'Your birthday is on the 3rd.'],
  ])('blocks %s', (_what, text) => {
    const s = _what.startsWith('birth') ? asks('what birthday do you have for me?') : where;
    expect(decide(s, text)).toBe('block');
  });

  it.each([
    ['language, not a place', 'I can continue in English or French if you prefer.'],
    ['the business location', 'Our Toronto store is open until 9pm.'],
    ['a price equal to a card ending', 'The refund of $55.30 is on its way.'],
    ['an extension equal to a card ending', 'My extension is 5530 if we get cut off.'],
    ['a model number', 'The 5530 series has a 65W charger.'],
    ['a time', 'We open 9am to 5pm.'],
    ['a format example', 'Use the format +1 XXX XXX XXXX.'],
  ])('delivers %s', (_what, text) => expect(decide(where, text)).toBe('deliver'));

  it('delivers example email addresses but not real ones', () => {
    const example = 'Type it like name@example.com please.';
    expect(decide(where, example, [{ type: 'EMAIL', value: 'name@example.com' }])).toBe('deliver');
    const real = 'Try kliu.sf@gmail.com then.';
    expect(decide(where, real, [{ type: 'EMAIL', value: 'kliu.sf@gmail.com' }])).toBe('block');
  });

  it('blocks an email provider attributed to someone the customer did not name', () => {
    expect(decide(where, "Her email is at yahoo, I'm afraid.")).toBe('block');
    expect(decide(where, 'You can sign in with Google or Apple.')).toBe('deliver');
  });

  it('blocks a birth date the customer did not type, but not one they did', () => {
    const typed: Scenario = {
      ...asks('is that right?'),
      customer: [
        { text: 'Rahul Mehta, born 03/04/1984', findings: [{ type: 'DATE_OF_BIRTH', value: '03/04/1984' }] },
      ],
    };
    expect(decide(typed, 'Thanks, 03/04/1984 noted; happy early birthday for the 3rd!')).toBe('deliver');
    expect(decide(asks('what birthday do you have?'), 'Born 4/3, right?')).toBe('block');
  });
});

describe('subtle confirmations and denials of a pending claim', () => {
  const claim = asks('is my address still 88 Birchmount Road?');
  it.each([
    'Mm-hmm.',
    'You got it!',
    "We're good on that.",
    'I can see that one.',
    "Roger that, it's there.",
    'Not exactly.',
    "Hmm, that doesn't ring a bell.",
    'Did you maybe move recently?',
    "I'm showing something a bit different.",
    "Almost, the street's right.",
    'Ooh, nearly.',
    'Looks like it!',
    'Not anymore.',
    'That used to be it.',
    'The address is right though.',
    '👌',
  ])('blocks %s', (text) => expect(decide(claim, text)).toBe('block'));

  it.each([
    'Let me have a look for you.',
    'No worries, take your time.',
    "That code didn't match, please try again.",
    "I can't confirm that in chat; I'll send a code to the email on file.",
  ])('delivers %s', (text) => expect(decide(claim, text)).toBe('deliver'));

  it('lets the verified owner hear the same confirmation', () => {
    expect(decide(asks('is my address still 88 Birchmount Road?', 'possession'), 'Mm-hmm.')).toBe('deliver');
  });
});

describe('customer turns: a question about something else after the details', () => {
  const turn = (text: string, labelled: { type: string; value: string }[]) =>
    analyzeCustomerTurn(text, findingsFor(text, labelled));
  const email = [{ type: 'EMAIL', value: 'rahul.mehta@hotmail.com' }];

  it.each([
    ['Rahul here, rahul.mehta@hotmail.com, does the jacket come in blue?', 'statement', true],
    ['rahul.mehta@hotmail.com, is that the email you have?', 'question', false],
    ['rahul.mehta@hotmail.com, is that right?', 'question', false],
    ['my email is rahul.mehta@hotmail.com, can you check the phone number too?', 'question', false],
  ])('%s', (text, identity, other) => {
    const t = turn(text, email);
    expect(t.identity).toBe(identity);
    expect(t.otherQuestion).toBe(other);
  });
});
