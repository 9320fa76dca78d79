import { describe, expect, it } from 'vitest';
import { found, fullDetector as detector } from './helpers.js';

/**
 * Forms found by generator batch d (test/fixtures/eval/build-gen.mjs, `buildD`): new carrier phrasings,
 * new joiners ("PS:", "->", " | "), several values per message, en/de/es/fr. Full engine, default policy.
 * Values are made up for the tests, not copied from the batch.
 */

describe('generator round d: the exact value is masked', () => {
  it.each([
    // arrows, "reads", "nbr" between a cue and its value
    ['PASSPORT', 'Passport -> KT4417023', 'KT4417023'],
    ['PASSPORT', 'my passport reads 551902377', '551902377'],
    ['BANK_ACCOUNT', 'bank acct nbr 73301924', '73301924'],
    ['BANK_ACCOUNT', 'acct nro 4410298375', '4410298375'],
    // German account-kind compounds
    ['BANK_ACCOUNT', 'Girokonto 581230094', '581230094'],
    ['BANK_ACCOUNT', 'mein Sparkonto 4471029384', '4471029384'],
    // "state license"; "Fahrerlaubnis"
    ['DRIVER_LICENSE', 'state license k0209981', 'k0209981'],
    ['DRIVER_LICENSE', 'State license R551-2093-1187 ps: thanks', 'R551-2093-1187'],
    ['DRIVER_LICENSE', 'Fahrerlaubnis B7719204', 'B7719204'],
    // French form abbreviation
    ['DATE_OF_BIRTH', 'date de naiss. 14 avril 1968', '14 avril 1968'],
    // password cues: who issued it, adjectives in de/es/fr, German compounds, logging in in de/es/fr
    ['PASSWORD', 'the temporary password you sent was Xq7rTmvw', 'Xq7rTmvw'],
    ['PASSWORD', 'Mot de passe actuel : Falcon2231#', 'Falcon2231#'],
    ['PASSWORD', 'la contraseña nueva es ratón99x', 'ratón99x'],
    ['PASSWORD', 'Zugangspasswort kq81mzp02', 'kq81mzp02'],
    ['PASSWORD', 'mein WLAN-Passwort ist Haselnuss#19', 'Haselnuss#19'],
    ['PASSWORD', 'je me connecte avec Soleil2024!', 'Soleil2024!'],
    ['PASSWORD', 'me conecto con Pimiento77', 'Pimiento77'],
    ['PASSWORD', 'ich logge mich mit Tannenbaum55 ein', 'Tannenbaum55'],
    // letters only, but case turns inside one token mark a generated secret
    ['PASSWORD', 'Kennwort vbTRqaZpw', 'vbTRqaZpw'],
    ['PASSWORD', 'pwd hJkLmNoPq', 'hJkLmNoPq'],
    // role labels in German, Spanish and French; "Empfänger ist"
    ['PERSON', 'Kunde: jonas wehrle', 'jonas wehrle'],
    ['PERSON', 'Konto (IBAN) folgt - Kundin: Marlene Aschauer', 'Marlene Aschauer'],
    ['PERSON', 'Empfänger ist Henrike Vollmer', 'Henrike Vollmer'],
    ['PERSON', 'el titular es Rocío Valdivieso', 'Rocío Valdivieso'],
    ['PERSON', 'Destinataire : Solène Marchetti', 'Solène Marchetti'],
    // a postscript marker ends a name and an address
    ['PERSON', 'Empfänger ist Ute Lindqvist PS: bitte klingeln', 'Ute Lindqvist'],
    ['ADDRESS', 'je suis au 12 rue des Lilas PS : merci', '12 rue des Lilas'],
  ])('%s in %j', (type, text, value) => {
    expect(found(text, type)).toEqual([value]);
  });
});

describe('generator round d: a masked value leaves no phantom name behind', () => {
  it.each([
    // once the value is masked, the words before or after it are not a signature or a second name
    ['girokonto 6612093847 - pw lautet zq8mm2x7p :)', 0],
    ['Girokonto 378226011\n\nFührerschein Nr P4249901', 0],
    ['mi esposa Begoña Iglesias hizo el pedido', 1],
  ])('%j', (text, names) => {
    const people = detector.detect(text).filter((f) => f.type === 'PERSON');
    // no name at all where there is none; one name, not a second one after it, where there is
    expect(people.length).toBe(names);
  });
});

describe('generator round d: stays readable', () => {
  it.each([
    'my pass McDonalds was cancelled',
    'password PlayStation account is locked',
    'the password YouTube gave me expired',
    'I connected with the driver yesterday',
    'me conecto con mi cuenta de Google',
    'je me connecte avec mon compte',
    'ich logge mich mit Google ein',
    'the state license office is closed',
    'Kunde: ja, seit Jahren',
    'PS: thanks for the help',
    'status of W764243438 please',
    'has TBA934515448364 left the warehouse',
    'Paket 1Z999AA10123456784 ist seit Montag unterwegs',
  ])('%j', (text) => {
    expect(detector.detect(text)).toEqual([]);
  });
});
