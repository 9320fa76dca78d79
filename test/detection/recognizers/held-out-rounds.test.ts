import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

/**
 * Forms found by held-out batches 3–5 (test/fixtures/eval/build-3..5.mjs): messy chat, forms and labels,
 * non-native and formal English, names from many cultures, and de/es/fr/pt/it/nl messages with local
 * formats. Full engine, default policy, so keep spans and merging count.
 */

describe('held-out rounds 3–5: the exact value is masked', () => {
  it.each([
    // addresses: labels without a space, lines split, districts, Eircodes, unknown layouts
    ['ADDRESS', 'adress:27 Kingsley Road,Leeds LS6 2AX', '27 Kingsley Road,Leeds LS6 2AX'],
    ['ADDRESS', 'my address is\n77 Orchard Rd\nMadison WI 53703', '77 Orchard Rd\nMadison WI 53703'],
    [
      'ADDRESS',
      'new place: 19B Wexford Terrace, Dublin 8, D08 X2F4',
      '19B Wexford Terrace, Dublin 8, D08 X2F4',
    ],
    [
      'ADDRESS',
      'Recipient Hiroshi Tanaka, 2-14-7 Shibuya, Shibuya-ku, Tokyo 150-0002',
      '2-14-7 Shibuya, Shibuya-ku, Tokyo 150-0002',
    ],
    [
      'ADDRESS',
      'I am residing at House No. 221, Sector 15, Gurgaon, Haryana 122001',
      'House No. 221, Sector 15, Gurgaon, Haryana 122001',
    ],
    [
      'ADDRESS',
      'I stay at Block 123 Ang Mo Kio Avenue 6, #08-45, Singapore 560123',
      'Block 123 Ang Mo Kio Avenue 6, #08-45, Singapore 560123',
    ],
    [
      'ADDRESS',
      'Address ......... Nevsky Prospekt 28, St Petersburg 191186',
      'Nevsky Prospekt 28, St Petersburg 191186',
    ],
    [
      'ADDRESS',
      'he lived at ul. Marszałkowska 84, 00-514 Warszawa.',
      'ul. Marszałkowska 84, 00-514 Warszawa',
    ],
    ['ADDRESS', 'Österreich, Mariahilfer Straße 88/3/14, 1070 Wien', 'Mariahilfer Straße 88/3/14, 1070 Wien'],
    ['ADDRESS', 'graag bezorgen op Oudegracht 45bis, 3511 AB Utrecht', 'Oudegracht 45bis, 3511 AB Utrecht'],
    ['ADDRESS', 'België: Meir 50, 2000 Antwerpen', 'Meir 50, 2000 Antwerpen'],
    [
      'ADDRESS',
      'Morada: Rua Augusta 120, 2º Esq., 1100-053 Lisboa',
      'Rua Augusta 120, 2º Esq., 1100-053 Lisboa',
    ],
    [
      'ADDRESS',
      'meu endereço é Rua das Laranjeiras 455, apto 302, Rio de Janeiro - RJ, 22240-003',
      'Rua das Laranjeiras 455, apto 302, Rio de Janeiro - RJ, 22240-003',
    ],
    // people: form labels, relations (also in-laws and other languages), role nouns, titles, backstop
    ['PERSON', 'Customer: Bjørn Halvorsen / Tel: +47 412 55 890', 'Bjørn Halvorsen'],
    ['PERSON', 'my mother-in-law Maria da Silva will be home', 'Maria da Silva'],
    ['PERSON', 'I am student Li Wei from the university', 'Li Wei'],
    ['PERSON', 'Greetings from Tomás Ó Briain. I am waiting', 'Tomás Ó Briain'],
    ['PERSON', 'My late husband, Rev. Thomas Okeke, held an account', 'Rev. Thomas Okeke'],
    ['PERSON', 'Mit freundlichen Grüßen\nH.-P. Müller', 'H.-P. Müller'],
    ['PERSON', 'Cancel the subscription of Takeshi Kobayashi please', 'Takeshi Kobayashi'],
    ['PERSON', 'Kontoinhaberin Sabine Hoffmann.', 'Sabine Hoffmann'],
    ['PERSON', 'El paquete lo recogerá mi hermana Carmen.', 'Carmen'],
    ['PERSON', 'mio figlio Matteo ritirerà il pacco', 'Matteo'],
    ['PERSON', 'rekeningnummer 12345 t.n.v. P. van den Berg', 'P. van den Berg'],
    // secrets and identifiers: anaphora, brackets, purpose phrases, other languages
    ['PASSWORD', 'forgot my pw again lol, old one was ilovepizza22', 'ilovepizza22'],
    ['PASSWORD', 'la mia password è Juventus_1897', 'Juventus_1897'],
    ['PASSWORD', 'a senha é Benfica2024', 'Benfica2024'],
    ['PASSWORD', 'wachtwoord: Tulpen!2024', 'Tulpen!2024'],
    ['DRIVER_LICENSE', 'my license # is (F255-921-50-094-0)', 'F255-921-50-094-0'],
    ['DRIVER_LICENSE', 'Driver licence no.: LINDQ804127EL9XY', 'LINDQ804127EL9XY'],
    ['DRIVER_LICENSE', 'the driving license of me is MH12 20110012345', 'MH12 20110012345'],
    ['DRIVER_LICENSE', 'patente di guida U1H23K456J', 'U1H23K456J'],
    ['PASSPORT', 'numero passaporto YA1234567', 'YA1234567'],
    ['BANK_ACCOUNT', 'my bank account for the refund: 12345678901 in ICICI bank', '12345678901'],
    ['SSN', 'mi número de la Seguridad Social es 28 1234567890', '28 1234567890'],
    ['SSN', 'mon numéro de sécurité sociale est 1 85 05 78 006 084 36', '1 85 05 78 006 084 36'],
    ['DATE_OF_BIRTH', 'data di nascita 11/11/1977', '11/11/1977'],
    ['DATE_OF_BIRTH', 'geboortedatum 05-06-1988', '05-06-1988'],
    ['PHONE', 'Erreichbar unter 030 / 8877 6655.', '030 / 8877 6655'],
  ])('%s in %j', (type, text, value) => {
    expect(found(text, type)).toEqual([value]);
  });
});

describe('held-out rounds 3–5: readable values stay readable', () => {
  it.each([
    // person-named brands and products, German nouns, agents thanked in any language
    ['PERSON', 'is Mr. Clean Magic Eraser back in stock?'],
    ['PERSON', 'is Dr Pepper zero back in stock?'],
    ['PERSON', 'der Bosch Serie 6 Geschirrspüler ist undicht'],
    ['PERSON', 'Thank you so much Mr. Thompson for your help.'],
    ['PERSON', 'Obrigado Beatriz!'],
    ['PERSON', 'Grazie mille Francesca'],
    ['PERSON', 'Bedankt Daan!'],
    ['PERSON', 'Customer: yes, returning an item'],
    ['PERSON', 'Morada: Rua Augusta 120'],
    // products and sentences shaped like the new address structures
    ['ADDRESS', 'I bought Windows 10, 2004 Edition'],
    ['ADDRESS', 'we moved the meeting to room 4, 2000 people came'],
    ['PASSWORD', 'my password expired, the new one is fine'],
    ['PASSWORD', 'forgot my pw, the old one was lost'],
    ['PHONE', 'delivered on 01/02/2023 at the door'],
    ['SSN', 'my social life is 100 percent fine'],
  ])('no %s in %j', (type, text) => {
    expect(found(text, type)).toEqual([]);
  });

  it('keeps the US ZIP tail from swallowing the sentence', () => {
    expect(found('we moved to 12 Oak Street, Springfield, IL 62704 last week', 'ADDRESS')).toEqual([
      '12 Oak Street, Springfield, IL 62704',
    ]);
  });
});
