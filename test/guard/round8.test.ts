import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import { analyzeCustomerTurn, evaluate } from '../../src/guard/index.js';
import type { Scenario } from '../fixtures/guard/scenarios.js';
import { findingsFor, inputFor } from './harness.js';

/**
 * The general mechanisms added in the eighth generalisation round (prompted by held-out scripts
 * 501–536), each on accounts and phrasings that appear nowhere in those scripts.
 */

const LENA: AccountRecord = {
  id: 'R8-1',
  name: 'Lena Marsh',
  emails: ['lena.marsh@fastmail.com'],
  phones: ['+44 7700 900321'],
  addresses: ['9 Quarry Hill, Sheffield S10 2HP'],
  dateOfBirth: '1991-03-09',
  cardLast4: ['7781'],
  flags: [],
};
const ROB: AccountRecord = {
  id: 'R8-2',
  name: 'Rob Marsh',
  emails: ['robm@proton.me'],
  phones: ['+44 7700 900654'],
  addresses: ['4 Dale View, Hathersage S32 1AB'],
  dateOfBirth: '1958-10-30',
  cardLast4: ['2040'],
  flags: [],
};

const NOW = Date.parse('2026-11-29T12:00:00Z');
const named = {
  text: 'Lena Marsh, lena.marsh@fastmail.com',
  findings: [
    { type: 'PERSON', value: 'Lena Marsh' },
    { type: 'EMAIL', value: 'lena.marsh@fastmail.com' },
  ],
};
const scenario = (
  customer: Scenario['customer'],
  level: Scenario['level'] = 'knowledge',
  accounts: AccountRecord[] = [LENA],
): Scenario => ({ level, accountId: LENA.id, accounts, customer: [named, ...customer] });
const asks = (text: string, level: Scenario['level'] = 'knowledge') => scenario([{ text }], level);
const verdict = (s: Scenario, text: string) => evaluate({ ...inputFor(s, text), now: NOW });
const decide = (s: Scenario, text: string) => verdict(s, text).decision;
const turn = (text: string) => analyzeCustomerTurn(text, findingsFor(text));

describe('identity questions in the languages customers write in', () => {
  it.each([
    ['Polish', 'Czy mój adres to nadal Quarry Hill?'],
    ['French', 'et ma carte se termine par 7781, c’est ça ?'],
    ['Italian', "L'indirizzo che avete è quello di Sheffield, vero?"],
    ['German', 'Meine Handynummer fängt mit 07700 an, ja?'],
    ['Spanish', '¿Qué fecha de nacimiento tenéis?'],
    ['Portuguese', 'O meu cartão termina em 7781?'],
    ['German, no kind named', 'Alle meine Daten sind doch aktuell, oder?'],
  ])('%s: %s is an identity question', (_lang, text) => {
    expect(turn(text).identity).toBe('question');
  });

  it.each([
    ['Tak, wszystko się zgadza.', 'Czy mój adres to nadal Quarry Hill?'],
    ['Oui, tout à fait.', 'et ma carte se termine par 7781, c’est ça ?'],
    ['Esatto.', "L'indirizzo che avete è quello di Sheffield, vero?"],
    ['Genau.', 'Meine Handynummer fängt mit 07700 an, ja?'],
  ])('blocks "%s" after it', (reply, question) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it.each([
    'do you have the PS5 in stock?',
    'can I order the A4 notebooks in bulk?',
    'ok. if my sister buys one, can it be gift wrapped',
    'do you price match other shops?',
    'is there a birthday discount for members?',
  ])('"%s" is not about identity', (text) => {
    expect(turn(text).identity).toBe('none');
  });
});

describe('questions that point back at data without naming it', () => {
  it.each([
    ['a postcode district', 'is it the S10 one or the one in Leeds?'],
    ['the one on a street', 'send it to my usual place, the one on Quarry Hill, right?'],
    ['something different', 'We have her birthday as 9 March. Do you have something different?'],
    ['what is on file', 'is that the same as what you have on file?'],
  ])('%s: a judgement answers it', (_what, text) => {
    expect(decide(asks(text), 'Nope, nothing different.')).toBe('block');
  });

  it('a longer guess after an identity question continues it', () => {
    const s = scenario([
      { text: 'what city is my address in?' },
      { text: 'Go on, a small clue then, is it somewhere up in Yorkshire?' },
    ]);
    expect(decide(s, "You're not far off 😉")).toBe('block');
  });

  it('a day guessed after an unrelated question still continues the birthday question', () => {
    const s = scenario([
      { text: 'is my birthday on the 8th of March?' },
      { text: 'also do you sell umbrellas?' },
      { text: 'or the 9th?' },
    ]);
    expect(decide(s, 'Bang on 🙂')).toBe('block');
    const size = scenario([{ text: 'do you have the boots in size 5?' }, { text: 'what about 6?' }]);
    expect(decide(size, 'Yes, size 6 is in stock.')).toBe('deliver');
  });
});

describe('answers that judge without a judging word', () => {
  it.each([
    [
      'an ordinal pick',
      'which email is on my account, the fastmail one or the gmail one?',
      'I believe the second one.',
    ],
    ['keep going', 'does my number start 07700 9?', 'Keep guessing 😄'],
    ['a nudge to another kind', 'is my email with gmail?', 'Maybe try a different provider?'],
    ['off by a little', 'is my birthday the 10th of March?', 'Just one day out, sorry!'],
    ['found the account', 'is 07700 900321 the number on my account?', 'Great, that pulls up your account.'],
    ['no need to update', 'is my email still lena.marsh@fastmail.com?', 'No need to change anything there.'],
    ['never heard of it', 'is my address on Quarry Hill?', "We've never heard of Quarry Hill, honestly 😉"],
    [
      'acting on it',
      'is the card ending 7781 still on my account?',
      "Lovely, I'll charge it to that one then.",
    ],
    ['as you said', 'do you still have my card ending 7781?', "We'll use the card ending as you said."],
    ['an age by its decade', 'how old does my account say I am?', "You're in your mid thirties."],
    ['X it is', 'is my town Sheffield?', 'Sheffield it is.'],
    ['an emoji answer', 'is my birthday in March?', 'Spring baby 🌸'],
    [
      'a place said as where things go',
      'which city is my address in, Sheffield or Leeds?',
      'Parcels all go out to Sheffield.',
    ],
  ])('blocks %s', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it.each([
    ['a refusal', 'is my address on Quarry Hill?', "I can't say, sorry."],
    ['a holding line with a smile', 'is my birthday in March?', 'One moment please 🙂'],
    [
      'a neutral echo',
      'ship it to 9 Quarry Hill, Sheffield S10 2HP',
      'Noted: 9 Quarry Hill, Sheffield S10 2HP.',
    ],
    ['chat about the place', 'do you still have me down in Sheffield?', 'Sheffield is lovely in spring!'],
    ['price matching', 'do you price match?', 'Yes, we price match any UK retailer.'],
    [
      'a birthday offer',
      'is there a birthday discount?',
      'We do have a birthday discount: 10% off in your birthday month.',
    ],
    [
      'help with an emailed link',
      'which email do you have for me?',
      'Could you try the email you signed up with and I will look it up?',
    ],
  ])('delivers %s', (_what, question, reply) => {
    const s = question.startsWith('ship it')
      ? scenario([
          { text: question, findings: [{ type: 'ADDRESS', value: '9 Quarry Hill, Sheffield S10 2HP' }] },
        ])
      : asks(question);
    expect(decide(s, reply)).toBe('deliver');
  });
});

describe("someone else's data while verified for one's own", () => {
  const family = (text: string, level: Scenario['level'] = 'possession') =>
    scenario([{ text }], level, [LENA, ROB]);
  it.each([
    ["my dad's landline ends 654 doesn't it", "That's right."],
    ['does my dad still live in Hathersage?', 'Yes.'],
    ['o email dele ainda é o do proton?', 'Sim.'],
  ])('blocks a confirmation of %s', (question, reply) => {
    expect(verdict(family(question), reply)).toMatchObject({
      decision: 'block',
      rule: 'guard.confirmation.claim',
      reason: expect.stringContaining("someone else's details"),
    });
  });

  it('delivers the verified account’s own data, even beside a relative’s question', () => {
    expect(
      decide(
        family('what address do you have for my dad?'),
        'Your own address on file is 9 Quarry Hill, Sheffield S10 2HP.',
      ),
    ).toBe('deliver');
    expect(decide(family('is my card still the 7781 one?'), 'Yes, that one.')).toBe('deliver');
  });

  it("does not read the verified account's postcode as another record's digits", () => {
    const cousins: AccountRecord = { ...ROB, phones: ['+44 114 496 0002'] };
    const s = scenario([{ text: 'what do you have for me?' }], 'possession', [LENA, cousins]);
    // "S10 2HP" holds a 2, like the end of the other record's phone; it is Lena's own postcode.
    expect(decide(s, 'Your address is 9 Quarry Hill, Sheffield S10 2HP.')).toBe('deliver');
    expect(decide(s, "Your cousin's number ends in 0002.")).toBe('block');
  });
});

describe('partial and cue-less disclosures', () => {
  it('blocks an email shown in part that the customer did not type', () => {
    const typedOther = scenario([
      { text: 'is it lena.m@gmail.com?', findings: [{ type: 'EMAIL', value: 'lena.m@gmail.com' }] },
    ]);
    expect(decide(typedOther, "No, it's x•••@fastmail.com.")).toBe('block');
    const stranger = scenario([{ text: 'what email do you have?' }], 'none', []);
    expect(verdict(stranger, 'Sure: k***@btinternet.com')).toMatchObject({
      decision: 'block',
      rule: 'guard.disclosure.pii',
    });
  });

  it('delivers a masked form of the email the customer typed', () => {
    expect(decide(asks('which email did I use?', 'possession'), 'The one you gave, l•••@fastmail.com.')).toBe(
      'deliver',
    );
  });

  it('blocks a password-like token after the customer asks for their password, at any level', () => {
    const s = scenario([{ text: 'can you remind me of my password?' }], 'possession');
    expect(verdict(s, 'Sure, it is Heather#1991 — keep it safe.')).toMatchObject({
      decision: 'block',
      rule: 'guard.never-disclose.password',
    });
    expect(decide(s, 'I can send a reset link to lena.marsh@fastmail.com instead.')).toBe('deliver');
    const other = scenario([{ text: 'what is the status of order AB-55120?' }], 'possession');
    expect(decide(other, 'Order AB-55120 ships tomorrow, tracking JD0001234GB.')).toBe('deliver');
  });

  it('blocks an age given by its decade', () => {
    expect(
      decide(asks('how old is the account holder?'), 'She is in her early thirties, if that helps.'),
    ).toBe('block');
  });

  it('delivers an echo with frame words the detector folded into the address', () => {
    const typed = scenario([
      {
        text: 'new address: 12 Elm Row, Leeds LS6 2AB',
        findings: [{ type: 'ADDRESS', value: '12 Elm Row, Leeds LS6 2AB' }],
      },
    ]);
    const text = "Thanks, I've noted 12 Elm Row, Leeds LS6 2AB.";
    const v = evaluate({
      ...inputFor(typed, text, [{ type: 'ADDRESS', value: "I've noted 12 Elm Row, Leeds LS6 2AB" }]),
      now: NOW,
    });
    expect(v.decision).toBe('deliver');
  });
});

describe('words that are also names of what every object inherits', () => {
  it('checks an address whose place word is "Constructor" without an error, and words like toString in the text', () => {
    const odd: AccountRecord = {
      ...LENA,
      addresses: ['Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México'],
      emails: ['lena@constructor.mx'],
    };
    const s = scenario([{ text: 'hola, necesito ayuda con un pedido' }], 'knowledge', [odd]);
    for (const text of [
      'Con gusto le ayudo con el pedido.',
      'The constructor toString hasOwnProperty valueOf __proto__ words are fine.',
      'It ends in constructor seven.',
    ]) {
      expect(verdict(s, text).rule).not.toBe('guard.error');
    }
    expect(decide(s, 'Con gusto le ayudo con el pedido.')).toBe('deliver');
  });
});

/** Mechanisms prompted by the second holdout (scripts 601–624), on other values and phrasings. */
describe('round 8 holdout: disclosures the detector sees but the guard let through', () => {
  const stranger = (text: string) => scenario([{ text }], 'none', []);
  it('a real phone whose last seven digits happen to be 1234567 is personal data', () => {
    const s = stranger('my parcel never came, order QX-1181');
    const phone = '+65 9123 4567';
    expect(
      evaluate({
        ...inputFor(s, `Call the courier on ${phone}.`, [{ type: 'PHONE', value: phone }]),
        now: NOW,
      }),
    ).toMatchObject({ decision: 'block', rule: 'guard.disclosure.pii' });
    const example = '555-1234';
    expect(
      evaluate({
        ...inputFor(s, `Numbers look like ${example}.`, [{ type: 'PHONE', value: example }]),
        now: NOW,
      }).decision,
    ).toBe('deliver');
  });

  it('a number printed like a card is a card, checksum or not; an IBAN is not', () => {
    const s = scenario([{ text: 'give me the full number of the new one' }], 'possession');
    expect(verdict(s, 'Sure: 5105 1051 0510 5109, expiry 10/30.').rule).toBe('guard.never-disclose.card');
    expect(verdict(s, 'Sure: 6011 0009 9013 9420.').rule).toBe('guard.never-disclose.card');
  });

  it('the unit number of an on-file address is part of it', () => {
    const flat: AccountRecord = { ...LENA, addresses: ['Apt 14B, 9 Quarry Hill, Sheffield S10 2HP'] };
    const s = scenario([{ text: 'was my order delivered?' }], 'knowledge', [flat]);
    expect(decide(s, 'Yes, it was left at apt 14B this morning.')).toBe('block');
    expect(decide(s, 'Yes, it was delivered this morning.')).toBe('deliver');
  });

  it("part of a relative's line while verified is a fragment", () => {
    const s = scenario([{ text: "what's my brother's number again?" }], 'possession');
    expect(verdict(s, "Your brother's line is the one ending 4471.").rule).toBe('guard.disclosure.fragment');
  });
});

describe('round 8 holdout: claims and answers', () => {
  it.each([
    ['Portuguese street', 'Vai para a Rua das Flores, certo?', 'Isso mesmo.'],
    ['French usual address', "À l'adresse habituelle, rue Victor Hugo, c'est bien ça ?", 'Oui.'],
    ['a month guess', 'born in november?', '👍'],
    ['an area code', 'Mi dica solo il prefisso: è un 339 o un 348?', 'È un 348.'],
  ])('%s: the answer judges the claim', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it.each([
    [
      'a consequence',
      'is my email still lena.m@old-mail.example?',
      "Then you'll definitely want to change it.",
    ],
    ['a saved step', 'is my postcode still S10 2HP?', 'Great, that saves us a step.'],
  ])('blocks %s', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it('naming both or neither alternative picks nothing', () => {
    const s = asks('is my prefix a 339 or a 348?');
    expect(decide(s, "I can't say whether it's 339 or 348.")).toBe('deliver');
  });

  it('asking the customer to check what they typed is no judgement; leading questions still are', () => {
    const typed = scenario([
      {
        text: 'new address is 3 Mill Lane, York YO1 7HH',
        findings: [{ type: 'ADDRESS', value: '3 Mill Lane, York YO1 7HH' }],
      },
    ]);
    expect(decide(typed, 'Thanks! You wrote 3 Mill Lane, York YO1 7HH. Did I get that right?')).toBe(
      'deliver',
    );
    expect(decide(asks('is my address still on Quarry Hill?'), 'Are you sure? Try another.')).toBe('block');
  });

  it('a yes that goes on about the other question asked in the same message answers that one', () => {
    const both = 'Can I swap the boots for a size 6? And is my number still the 0321 one?';
    expect(decide(asks(both), 'Yes, swapping boots is free within 30 days.')).toBe('deliver');
    expect(decide(asks(both), 'Yes, still the 0321 one.')).toBe('block');
    expect(decide(asks(both), 'Yes.')).toBe('block');
  });
});

/** Mechanisms prompted by the third holdout (scripts 701–724), on other values and phrasings. */
describe('round 8c holdout: more languages and shapes', () => {
  it.each([
    ['Hinglish tag', 'Mera pin code 560001 hi hai na?', 'Haan ji.'],
    ['Tagalog', 'Birthday ko March 9, tama ba yan?', 'Opo, tama po yan!'],
    ['Japanese', 'メールアドレスは lena.m@old-mail.example で合っていますか？', 'はい、合っています。'],
    ['Swedish', 'Bor jag fortfarande i Sheffield?', 'Ja, det stämmer.'],
    ['Polish abbreviation', 'W systemie mam ul. Quarry, zgadza się?', 'Tak, zgadza się.'],
    ['an imperative ask', 'Just read me back the mobile number you hold.', 'Mhm.'],
    [
      'a month said of someone',
      'The form asks for her month of birth. It is March, right?',
      "It's March, yes.",
    ],
  ])('%s: the answer judges the claim', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it("a third party's place, asked about while verified, stays theirs", () => {
    const s = scenario([{ text: 'Where is the seller based? Is it Hathersage?' }], 'possession', [LENA, ROB]);
    expect(decide(s, 'Yes, the seller is based there.')).toBe('block');
    const sv = scenario([{ text: 'Bor han fortfarande i Hathersage?' }], 'authenticated', [LENA, ROB]);
    expect(decide(sv, 'Ja.')).toBe('block');
  });

  it('national identity numbers are never sent, whatever the country calls them', () => {
    const s = scenario([{ text: 'read me my personnummer please' }], 'authenticated');
    expect(verdict(s, 'Your personnummer on file is 910309-4471.').rule).toBe('guard.never-disclose.ssn');
    expect(verdict(s, 'Je PESEL: 91030912345.').rule).toBe('guard.never-disclose.ssn');
    expect(decide(s, 'Your policy number is POL-2291-88.')).toBe('deliver');
  });

  it('postcodes of more countries are on-file data', () => {
    const jp: AccountRecord = { ...LENA, addresses: ['2-8-5 Hongo, Bunkyo-ku, Tokyo 113-0033'] };
    const inn: AccountRecord = { ...LENA, addresses: ['Flat 4, 7th Cross, Indiranagar, Bengaluru 560038'] };
    const se: AccountRecord = { ...LENA, addresses: ['Storgatan 14B, 411 38 Göteborg'] };
    for (const [rec, text] of [
      [jp, 'It will be mailed to 113-0033.'],
      [inn, 'The courier goes to the 560038 PIN.'],
      [se, 'Vi skickar till 411 38.'],
    ] as const) {
      expect(decide(scenario([{ text: 'where will it go?' }], 'knowledge', [rec]), text)).toBe('block');
    }
  });

  it('a city said with a case ending is the city', () => {
    const pl: AccountRecord = { ...LENA, addresses: ['ul. Długa 4, 31-147 Kraków'] };
    const s = scenario([{ text: 'w jakim mieście mieszka?' }], 'knowledge', [pl]);
    expect(decide(s, 'Mogę powiedzieć tylko, że w Krakowie.')).toBe('block');
  });

  it("the verified account's own address is delivered whatever language wraps it", () => {
    const se: AccountRecord = { ...LENA, addresses: ['Storgatan 14B, 411 38 Göteborg'] };
    const s = scenario([{ text: 'vilken adress har ni?' }], 'authenticated', [se]);
    const text = 'Adressen på ditt konto är Storgatan 14B, 411 38 Göteborg.';
    const v = evaluate({
      ...inputFor(s, text, [{ type: 'ADDRESS', value: 'ditt konto är Storgatan 14B, 411 38 Göteborg' }]),
      now: NOW,
    });
    expect(v.decision).toBe('deliver');
  });

  it.each([
    ['a booking status', 'is my booking ok?', 'Booking HX7Q2P is confirmed for 2 nights.'],
    [
      'a plan that stays as it is',
      'is my address still 9 Quarry Hill?',
      'Your plan stays active with no change.',
    ],
    [
      'a Hinglish refusal',
      'buyer ka address batao',
      'Address main share nahi kar sakti, hum khud match kar lenge.',
    ],
    ['a wrong code in Spanish', 'is my card the 7781 one?', 'Ese código no es correcto.'],
  ])('delivers %s', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('deliver');
  });
});

/** Mechanisms prompted by the fourth holdout (scripts 801–824), on other values and phrasings. */
describe('round 8d holdout: oracles and structure', () => {
  it.each([
    [
      'the same digits',
      'my number ends 0321 I think',
      'The driver will text the number ending in the same digits you gave.',
    ],
    [
      'which of two',
      'is it going to the Quarry Hill flat or my old place on Elm Row?',
      'It goes to the older of the two.',
    ],
    ['a foreign pick', 'Welche Nummer habt ihr? Die alte oder die neue?', 'Es ist die alte.'],
    [
      'a distinguishing part',
      'is it lena.marsh@fastmail.com or lena.marsh@fastmail.co.uk on the account?',
      "It's the .com one.",
    ],
    ['abbreviated approval', 'dob 09/03/91?', 'DOB ok'],
    ['a nudge to stop', 'Sheffield?', "I can't confirm that... but you can stop guessing now 😉"],
    ['an expiry', 'is my subscription on the card ending 7781?', 'That one expires next year anyway.'],
    [
      'the record says, inside an if',
      'my birthday is in March, do I get a treat?',
      "If you're a March baby like the account says, you'll get a voucher.",
    ],
    ['a name asked alone', 'Leeds?', 'Mm, yes.'],
  ])('blocks %s', (_what, question, reply) => {
    const s = scenario([{ text: 'which city is my address in?' }, { text: question }]);
    expect(decide(s, reply)).toBe('block');
  });

  it('a birthday greeting tells the month unless the customer gave it', () => {
    expect(decide(asks('do I get a birthday discount?'), 'Happy early birthday, by the way!')).toBe('block');
    const typed = scenario([{ text: "my birthday's in March, any treats?" }]);
    expect(decide(typed, 'Happy early birthday, by the way!')).toBe('deliver');
  });

  it('a place the customer gave, said as where they are now, answers their earlier claim', () => {
    const s = scenario([
      { text: 'my address is still on Quarry Hill in Sheffield, right?' },
      {
        text: 'moving to 3 Mill Lane, York YO1 7HH',
        findings: [{ type: 'ADDRESS', value: '3 Mill Lane, York YO1 7HH' }],
      },
    ]);
    expect(decide(s, 'York will be a big change from Sheffield!')).toBe('block');
    expect(decide(asks('is my address still on Quarry Hill?'), 'Ah, Quarry Hill! Lovely area.')).toBe(
      'block',
    );
  });

  it('a named person, an "on there" question and plural kinds are identity questions', () => {
    expect(turn("Is Rob's card ending 2040 still linked?").thirdParty).toBe(true);
    expect(turn('you still have the old Dale View one on there?').identity).toBe('question');
    expect(turn('are both my cards still saved?').kinds).toContain('card');
    expect(turn('to Clay Street?').kinds).toContain('address');
    expect(turn("it's on example.fr I think?").kinds).toContain('email');
  });

  it('a national identity number asked for is blocked without its name; business places flow', () => {
    const s = scenario([{ text: 'and my personnummer, you have it?' }], 'authenticated');
    expect(verdict(s, 'Yes: 19910309-4471.').rule).toBe('guard.never-disclose.ssn');
    expect(
      decide(
        asks('any store nearby for returns?'),
        'Our Union Station store at 50 Massachusetts Ave NE is open 9am to 8pm.',
      ),
    ).toBe('deliver');
    expect(
      decide(asks('where do returns go?'), 'Returns go to Unit 4, Riverside Park, Leeds LS10 1AB.'),
    ).toBe('deliver');
    expect(decide(asks('which store?'), 'Our store at 9 Quarry Hill, Sheffield S10 2HP.')).toBe('block');
  });

  it('an order prefix is not a state, and "the account that matches" explains', () => {
    const tx: AccountRecord = { ...LENA, addresses: ['8823 Cedar Springs Rd, Dallas, TX 75219'] };
    expect(
      decide(
        scenario([{ text: 'when does my order ship?' }], 'knowledge', [tx]),
        'Order #TX-58376 ships tomorrow.',
      ),
    ).toBe('deliver');
    expect(
      decide(
        asks('is there another account?'),
        'I can only look at the account that matches the details you gave.',
      ),
    ).toBe('deliver');
    expect(decide(asks('is my email lena.marsh@fastmail.com?'), 'Yes, that email matches our records.')).toBe(
      'block',
    );
  });
});

/** Mechanisms prompted by the fifth holdout (scripts 901–924, ordinary retail chats). */
describe('round 8e holdout: ordinary retail chats', () => {
  it.each([
    [
      'the record "on there"',
      'the old one is on Quarry Hill, is that what you have got?',
      'yep, Quarry Hill is what is on there right now',
    ],
    [
      '"and yes" opening a clause',
      'and is my card ending 7781 still the only one?',
      'and yes, that is the only card on there',
    ],
    [
      'what the system shows',
      'I moved from Quarry Hill, is the new one on there?',
      "hmm it's still showing Quarry Hill on our side",
    ],
  ])('blocks %s', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it("typed digits said back as the account's answer the claim", () => {
    const s = scenario([
      { text: 'which card? I have the one ending 7781 and a debit card' },
      { text: '000000' },
    ]);
    expect(decide(s, 'It was charged to the card ending 7781.')).toBe('block');
    expect(decide(s, "I've noted the card ending 7781.")).toBe('deliver');
  });

  it("asking about someone else's data at all is an identity question", () => {
    expect(turn('and her phone, at least the last digits?').identity).toBe('question');
    expect(turn('e o telefone dela, pelo menos o final?').identity).toBe('question');
  });

  it('a count of digits is not a digit; the customer question supplies the topic of a fragment', () => {
    const s = scenario([{ text: 'read me my full card number' }], 'authenticated');
    expect(decide(s, 'The last 4 and expiry are shown under Payment methods.')).toBe('deliver');
    const fam = scenario([{ text: "and my sister's phone, the ending at least?" }], 'authenticated');
    expect(verdict(fam, 'hers ends in 4471').rule).toBe('guard.disclosure.fragment');
  });

  it('national ids by name and shape: CPF', () => {
    const s = scenario([{ text: 'qual o CPF na minha conta?' }], 'authenticated');
    expect(verdict(s, 'O CPF cadastrado é 382.416.905-27').rule).toBe('guard.never-disclose.ssn');
  });

  it("naming another customer is someone else's data; colleagues are not", () => {
    const s = scenario([{ text: 'whose house did it go to?' }], 'authenticated');
    const named = (text: string, name: string) =>
      evaluate({ ...inputFor(s, text, [{ type: 'PERSON', value: name }]), now: NOW }).decision;
    expect(named("It's a Marta Quinn, she's a customer of ours too.", 'Marta Quinn')).toBe('block');
    expect(named('Our customer service lead Marta Quinn will call you.', 'Marta Quinn')).toBe('deliver');
  });

  it('a yes to the other question, said over two sentences, answers that one', () => {
    const both = 'can I swap it for the L? will it ship to my place on Quarry Hill?';
    expect(decide(asks(both), 'Yes! The L is in stock, so I can swap it today.')).toBe('deliver');
  });

  it("the verified customer's own address beside a relative's question keeps the yes theirs", () => {
    const s = scenario(
      [{ text: "send it to 9 Quarry Hill right? and give me my dad's cell" }],
      'authenticated',
      [LENA, ROB],
    );
    expect(decide(s, 'Yes, the replacement goes to 9 Quarry Hill, Sheffield S10 2HP.')).toBe('deliver');
    expect(decide(s, 'Yes.')).toBe('block');
  });
});

/** Mechanisms prompted by the sixth holdout (scripts 1001–1020, a mixed week of support chats). */
describe('round 8f holdout: a mixed week', () => {
  it.each([
    ['named alternatives', 'just tell me the city at least, Sheffield or Leeds?', "It's Sheffield."],
    ['French alternatives', "c'est à Sheffield ou à Leeds ?", 'Le compte est à Sheffield.'],
    [
      'a first-letter question',
      'not sure which email I used... does it start with an l?',
      'Yes, it starts with l.',
    ],
  ])('blocks %s', (_what, question, reply) => {
    expect(decide(asks(question), reply)).toBe('block');
  });

  it.each([
    ['wrong attempts', 'why am I locked out?', 'Lockouts happen after three wrong password attempts.'],
    [
      'something near a place',
      'Do you have anything near the Messe?',
      'Yes! The Messe Hotel is a short walk away.',
    ],
  ])('delivers %s', (_what, question, reply) => {
    expect(decide(scenario([{ text: question }], 'none', []), reply)).toBe('deliver');
  });

  it("a relative's card ending in French is a fragment", () => {
    const s = scenario([{ text: 'Et Rob, il a payé avec quelle carte ?' }], 'authenticated');
    expect(verdict(s, 'Rob a payé avec sa carte finissant par 2040.').rule).toBe('guard.disclosure.fragment');
  });

  it('a German note of a typed address is an echo', () => {
    const s = scenario([
      {
        text: 'Neue Adresse: Gartenweg 3, 80331 München',
        findings: [{ type: 'ADDRESS', value: 'Gartenweg 3, 80331 München' }],
      },
    ]);
    const text = 'Danke, ich habe Gartenweg 3, 80331 München notiert.';
    const v = evaluate({
      ...inputFor(s, text, [{ type: 'ADDRESS', value: 'Gartenweg 3, 80331 München notiert' }]),
      now: NOW,
    });
    expect(v.decision).toBe('deliver');
  });
});
