import { describe, expect, it } from 'vitest';
import { found, fullDetector as detector } from './helpers.js';

/**
 * Forms found by held-out batch 6 (test/fixtures/eval/build-6.mjs): banking, telecom, travel, utility and
 * healthcare-billing phrasings, voice-to-text transcripts, and informal German/Spanish/French. Full
 * engine, default policy. Values are made up for the tests, not copied from the batch.
 */

describe('service domains and transcripts: the exact value is masked', () => {
  it.each([
    // password cues with words naming what it is for, and banking's "memorable word"
    ['PASSWORD', 'my memorable word is tangerine42', 'tangerine42'],
    ['PASSWORD', 'the security word is Owl-2291', 'Owl-2291'],
    ['PASSWORD', 'Mein Passwort für die Banking-App lautet Regen#Tag7', 'Regen#Tag7'],
    ['PASSWORD', 'la clave de la app del banco es Nube2021', 'Nube2021'],
    ['PASSWORD', 'mon mdp pour le site client est Soleil_88', 'Soleil_88'],
    // the value named by "one" a clause after its cue
    ['PASSPORT', 'I renewed my passport, the new one is 731905524', '731905524'],
    ['SSN', 'you have my SSN wrong. the correct one is 219-44-7031', '219-44-7031'],
    ['SSN', 'SSN last four? here is the full one 219447031', '219447031'],
    // dictated numbers, emails, dates and addresses
    [
      'SSN',
      'my social is two one nine four four seven zero three one',
      'two one nine four four seven zero three one',
    ],
    [
      'CREDIT_CARD',
      'card number five five five five four four four four three three three three one one one one',
      'five five five five four four four four three three three three one one one one',
    ],
    [
      'EMAIL',
      'email is j lee seventy one at sign outlook dot com',
      'j lee seventy one at sign outlook dot com',
    ],
    ['EMAIL', 'its tom ninety at gmail dot com', 'tom ninety at gmail dot com'],
    [
      'DATE_OF_BIRTH',
      'date of birth march twenty first nineteen eighty',
      'march twenty first nineteen eighty',
    ],
    [
      'DATE_OF_BIRTH',
      'i was born the ninth of may two thousand three',
      'the ninth of may two thousand three',
    ],
    ['ADDRESS', 'i live at nine elm road westfield', 'nine elm road westfield'],
    [
      'ADDRESS',
      'my address is three eighteen cedar lane apartment four denver colorado',
      'three eighteen cedar lane apartment four denver colorado',
    ],
    // local cue words
    ['PHONE', 'tlf 93 412 77 08', '93 412 77 08'],
    ['PHONE', 'tél. fixe 04 91 22 63 18', '04 91 22 63 18'],
    ['DRIVER_LICENSE', 'mi DNI es 50117322H', '50117322H'],
    // closing abbreviations sign a message
    ['PERSON', 'LG Birgit', 'Birgit'],
    // a later birth cue belongs to its own date
    ['DATE_OF_BIRTH', 'visit on 03/02/2024, patient DOB 11/30/1961', '11/30/1961'],
  ])('%s in %j', (type, text, value) => {
    expect(found(text, type)).toContain(value);
  });
});

describe('service domains and transcripts: the value is covered', () => {
  it.each([
    ['PERSON', 'passt so\nVG Henrik', 'Henrik'],
    ['PERSON', 'Rechnung anbei.\nGLG Annika', 'Annika'],
  ])('%s in %j', (type, text, value) => {
    const start = text.indexOf(value);
    const end = start + value.length;
    const hits = detector.detect(text).filter((f) => f.type === type && f.start <= start && end <= f.end);
    expect(hits.length).toBeGreaterThan(0);
  });
});

describe('service domains and transcripts: readable values stay', () => {
  it.each([
    // a date of service before a DOB cue
    ['visit on 03/02/2024, patient DOB 11/30/1961', '03/02/2024'],
    // loyalty schemes and outlets named after people
    ['my Hilton Honors points have not shown up', 'Hilton Honors'],
    ['booked through the Marriott Bonvoy app', 'Marriott Bonvoy'],
    // titled agent names after thanks or greetings, in any language
    ['Danke Frau Becker, hat geklappt!', 'Becker'],
    ['Merci Madame Girard pour votre aide', 'Girard'],
    ['Gracias Sra. Morales, todo bien', 'Morales'],
    // a dictionary word after a password cue is a complaint, not a secret
    ['my memorable word is not working', 'not'],
    ['mi clave del portal es incorrecta', 'incorrecta'],
    // spoken numbers with no cue, and "at" in prose
    ['i waited at gate twenty two for an hour', 'twenty two'],
    ['we stayed at twelve oak street hotel', 'twelve'],
    ['call at five thirty please', 'five thirty'],
    ['we moved to one bigger place last year', 'one bigger place'],
    // "LG" as a brand, mid-sentence
    ['my LG Gram laptop will not charge', 'Gram'],
  ])('%j keeps %j', (text, value) => {
    const hits = detector.detect(text);
    const start = text.indexOf(value);
    const end = start + value.length;
    expect(hits.filter((f) => f.start < end && start < f.end)).toEqual([]);
  });
});
