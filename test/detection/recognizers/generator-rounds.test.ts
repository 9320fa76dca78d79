import { describe, expect, it } from 'vitest';
import { found, fullDetector as detector } from './helpers.js';

/**
 * Forms found by the generator batches (test/fixtures/eval/build-gen.mjs): dev-corpus value styles in
 * carrier phrases the dev corpus does not use, en/de/es/fr. Full engine, default policy, so keep spans
 * and merging count. Values here are made up for the tests, not copied from the batches.
 */

describe('generator rounds: the exact value is masked', () => {
  it.each([
    // licence ids with few digits behind a cue (UK-style "WDL…" ids)
    ['DRIVER_LICENSE', 'DL# WDLQRTXPA4MN', 'WDLQRTXPA4MN'],
    ['DRIVER_LICENSE', 'Führerscheinnummer WDLKPZHNUXCF', 'WDLKPZHNUXCF'],
    ['DRIVER_LICENSE', "driver's license number wdlab3cdefgh", 'wdlab3cdefgh'],
    // German compounds are PII cues: the id after them is not an order number
    ['PASSPORT', 'Reisepassnummer KT4417023', 'KT4417023'],
    ['PASSPORT', 'meine Passnummer ist LM9081726', 'LM9081726'],
    // brackets around the cue word; "lic" and "driver's" are PII cues, so the id is not kept as an order
    ['PASSPORT', 'Id (passport) rk7730152', 'rk7730152'],
    ['PASSPORT', 'id [passport] 440918273', '440918273'],
    ['DRIVER_LICENSE', "also driver's lic Q4481920", 'Q4481920'],
    // a city after a postcode may open with an article
    ['ADDRESS', 'me mudé a Calle Real 12, 15003 A Coruña', 'Calle Real 12, 15003 A Coruña'],
    ['ADDRESS', 'livrez au 8 rue Pasteur, 17000 La Rochelle', '8 rue Pasteur, 17000 La Rochelle'],
    // "n.º", "travel document", French number-first "avenue"
    ['PASSPORT', 'Pasaporte n.º 551902377', '551902377'],
    ['PASSPORT', 'Travel document KD3310586', 'KD3310586'],
    [
      'ADDRESS',
      'envoyez-le au 38 avenue de la République, 69003 Lyon',
      '38 avenue de la République, 69003 Lyon',
    ],
    // money moved into an account
    ['BANK_ACCOUNT', 'deposit it into 771204558812', '771204558812'],
    ['BANK_ACCOUNT', 'Please pay the refund into 55012993', '55012993'],
    ['BANK_ACCOUNT', 'transferred to account 2290017743 yesterday', '2290017743'],
    // passcode / passphrase with a secret-shaped value and no link word
    ['PASSWORD', 'passcode 7HqTrmWz and then it locked', '7HqTrmWz'],
    ['PASSWORD', 'passphrase z8kk1mqpe0', 'z8kk1mqpe0'],
    // "logging in with <secret>", "clave de acceso", "code d'accès"
    ['PASSWORD', 'Tried logging in with qpwnvzrt and it failed', 'qpwnvzrt'],
    ['PASSWORD', 'I signed in with Tiger2210# earlier', 'Tiger2210#'],
    ['PASSWORD', 'Mi clave de acceso es Gato1987!', 'Gato1987!'],
    ['PASSWORD', "mon code d'accès est vb61lxq0", 'vb61lxq0'],
    // the value before "as my password" after any verb
    ['PASSWORD', 'it keeps rejecting Rk2PzQwL9 as my password', 'Rk2PzQwL9'],
    ['PASSWORD', 'the site refused mqtXrbVwp as my password', 'mqtXrbVwp'],
    // genealogical "b."
    ['DATE_OF_BIRTH', 'b. the 4th of June 1961', 'the 4th of June 1961'],
    ['DATE_OF_BIRTH', 'b. 03/11/1979', '03/11/1979'],
    // a full historic date with no event word near it is a birth date, whatever phrase carries it
    ['DATE_OF_BIRTH', 'my details: 14 March 1978', '14 March 1978'],
    ['DATE_OF_BIRTH', 'for the age check 1969-11-02', '1969-11-02'],
    ['DATE_OF_BIRTH', 'jan 20 1951 if you need it', 'jan 20 1951'],
    // recipients, people on the line, "X again", "signed,"
    ['PERSON', 'the package is for marek ostrowski-vale', 'marek ostrowski-vale'],
    ['PERSON', 'this gift is meant for Tobiah Quennell', 'Tobiah Quennell'],
    ['PERSON', 'you spoke with odalys brenneke yesterday', 'odalys brenneke'],
    ['PERSON', 'I talked to Ferris Oyelowo last week', 'Ferris Oyelowo'],
    ['PERSON', 'please address it to wendel vantongeren', 'wendel vantongeren'],
    ['PERSON', 'Hi, quennell-marsh, tobiah again', 'quennell-marsh, tobiah'],
    ['PERSON', 'hello, it’s Odalys again', 'Odalys'],
    ['PERSON', 'signed, ferris oyelowo', 'ferris oyelowo'],
    ['PERSON', 'Signed, Brenneke, Odalys?', 'Brenneke, Odalys'],
  ])('%s in %j', (type, text, value) => {
    expect(found(text, type)).toEqual([value]);
  });
});

describe('generator rounds: stays readable', () => {
  it.each([
    'it is for Christmas',
    'the gift is for Easter Sunday',
    'the package is for tomorrow',
    'this is for my son',
    'i spoke to customer service yesterday',
    'I talked to support twice already',
    'hi, here again',
    'Hi, thanks again',
    'hey, quick question again',
    'boarding pass AB1234567 was in the bag',
    'send it to the back door please',
    'deposit the package at the front desk',
    'b. the package was late',
    'I logged in with google',
    'it keeps rejecting me as a customer',
    'we need 2 avenue lights',
    'thanks, ok?',
    'logging in with my email',
    'logged in with facebook yesterday',
    'ship to the back, a friend will sign',
    'order placed on 3/4/2024',
    'member since 12/05/2009',
    'it arrived 3/4/05',
    'the invoice dated 12.03.2008 is wrong',
    'I bought it in March 1998',
  ])('%j', (text) => {
    expect(detector.detect(text)).toEqual([]);
  });
});
