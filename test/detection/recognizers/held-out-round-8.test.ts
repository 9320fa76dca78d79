import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

/**
 * Forms found by held-out batch 8 (test/fixtures/eval/hard-corpus-8.jsonl): a bare "pin" before digits,
 * German bank codes and it/pt/nl account cues, "@"/"." dictated in es/pt/fr/it/nl/de, Dutch, Italian and
 * Portuguese month names in birth dates, a US state before "license", "hier ist …" and friends, and a
 * support agent's first name after "I spoke to". Values here differ from the corpus. Full engine, default
 * policy.
 */

describe('held-out round 8: the exact value is masked', () => {
  it.each([
    ['PASSWORD', 'please reset it, my current pin 8302 is not accepted', '8302'],
    ['PASSWORD', 'card pin 55217', '55217'],
    ['BANK_ACCOUNT', 'Kontonummer 1234567890, BLZ 50010517', '50010517'],
    ['BANK_ACCOUNT', 'Bankleitzahl 20041133', '20041133'],
    ['BANK_ACCOUNT', 'mijn rekeningnummer is 417164300', '417164300'],
    ['BANK_ACCOUNT', 'numero di conto 000012345678', '000012345678'],
    ['EMAIL', 'mi correo: lucia.garrido arroba yahoo punto es', 'lucia.garrido arroba yahoo punto es'],
    ['EMAIL', 'o meu email é rui_santos arroba sapo punto pt', 'rui_santos arroba sapo punto pt'],
    ['EMAIL', 'mon mail : paul.henry arobase orange point fr', 'paul.henry arobase orange point fr'],
    ['EMAIL', 'la mia mail è marco chiocciola tiscali punto it', 'marco chiocciola tiscali punto it'],
    ['EMAIL', 'mail: jan.smit apenstaartje ziggo punt nl', 'jan.smit apenstaartje ziggo punt nl'],
    ['DATE_OF_BIRTH', 'ik ben geboren op 14 maart 1979', '14 maart 1979'],
    ['DATE_OF_BIRTH', 'sono nata il 3 giugno 1990', '3 giugno 1990'],
    ['DATE_OF_BIRTH', 'nasci em 5 de setembro de 1987', '5 de setembro de 1987'],
    ['DATE_OF_BIRTH', 'geboortedatum 21 mei 1966', '21 mei 1966'],
    ['DRIVER_LICENSE', 'my TX license 40918273 expired', '40918273'],
    ['DRIVER_LICENSE', 'new york driver license 123 456 789', '123 456 789'],
    ['PERSON', 'Guten Tag, hier spricht Wolfgang Schäfer', 'Wolfgang Schäfer'],
    ['PERSON', 'Bonjour, ici Camille Rousseau, ma commande est en retard', 'Camille Rousseau'],
    ['PERSON', 'I spoke to Kevin Marsh yesterday', 'Kevin Marsh'],
  ])('%s in %j', (type, text, value) => {
    expect(found(text, type)).toContain(value);
  });
});

describe('held-out round 8: what stays readable', () => {
  it.each([
    'I spoke to Kevin yesterday and he promised a refund',
    'talked with Maria on Monday, still no update',
    'hier ist Rechnung 4471 im Anhang',
    'hier ist meine Bestellung 88120',
    'ciao, sono arrabbiato, il pacco è rotto',
    'Danke!\nMit freundlichen Grüßen',
  ])('%j has no PERSON', (text) => {
    expect(found(text, 'PERSON')).toEqual([]);
  });
  it.each(['pin 2 of the charger is bent', 'can you deliver to pin 560034 in Bangalore?'])(
    '%j has no PASSWORD',
    (text) => {
      expect(found(text, 'PASSWORD')).toEqual([]);
    },
  );
  it.each(['in license 12345 terms it says otherwise', 'the CA license plate 7ABC123 was on the van'])(
    '%j has no DRIVER_LICENSE',
    (text) => {
      expect(found(text, 'DRIVER_LICENSE')).toEqual([]);
    },
  );
  it.each(['pedí en la tienda arroba punto com', 'delivered on 3 mei'])('%j has no EMAIL', (text) => {
    expect(found(text, 'EMAIL')).toEqual([]);
  });
});
