import { UNIT_WORDS } from './street-types.js';

/**
 * What may follow a street line in one address span: unit designators, then city / state / postcode in
 * US, UK/Irish/Canadian and continental European order. Every regex is sticky and runs on the lowercase
 * text at the end of the street; none crosses a line break.
 */

const US_STATES =
  'al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|' +
  'or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|pr|gu|vi|as|mp|' +
  'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|' +
  'indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|' +
  'montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|' +
  'oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|' +
  'west virginia|wisconsin|wyoming|' +
  // Canadian provinces and Australian states, which follow the same "City, ST postcode" order
  'ab|bc|mb|nb|nl|ns|nt|nu|on|pe|qc|sk|yt|nsw|vic|qld|wa|sa|tas|act';

/** Words that end an address: the sentence carries on with something else. */
export const ADDRESS_STOP =
  'and|or|but|not|no|nor|my|your|our|his|her|their|the|also|please|pls|thanks|thank|thx|cheers|ok|okay|asap|' +
  'instead|anymore|now|today|tomorrow|yesterday|since|until|before|after|because|which|that|who|where|when|is|was|' +
  'are|am|be|been|ps|pd|nb|btw|fyi|will|would|can|could|should|i|im|me|we|you|it|its|this|these|those|there|here|phone|mobile|' +
  'tel|cell|email|e-mail|mail|passport|ssn|dob|born|birthday|card|acct|account|order|package|parcel|password|' +
  'contact|reach|call|text|refund|tack|graag|alstublieft|proszę|prosze|po|nhé|ạ|alt|alternate|alternative|whatsapp|use|license|licence|ip|iban|bank|rather|though|via|for|to|at|with|from|by|on|' +
  'in|if|so|as|then|than|just|only|still|again|too|very|while|hi|hello|hey|regards|best|sincerely|deliver|ship|' +
  'send|sent|update|change|changed|new|old|address|home|number|name|customer|ticket|case|tracking|sku|dear|' +
  // the same glue in German, Spanish, French, Italian and Portuguese sentences around an address
  'bitte|an|nach|zu|die|der|das|den|dem|und|ist|meine|mein|unsere|adresse|lieferadresse|rechnungsadresse|wohne|' +
  'lautet|jetzt|neue|envíe|enviar|envíen|a|al|mi|es|está|à|au|chez|ma|mon|est|é|em|para|per|indirizzo|morada|' +
  'dirección|direccion|endereço|spedire|livrer|envoyer|schicken|senden|liefern|' +
  'graag|bezorgen|leveren|sturen|naar|op|mijn|het|een|wij|wonen|woon|ik|wir|wohnen|favore|spedite|' +
  'consegnare|il|mio|mia|por|favor|meu|minha|moro|habite|habitons|nous|svp|merci|gracias|danke|grazie|obrigado|' +
  'last|next|week|weekend|month|year|ago|days|morning|evening|night|tonight|asap';

const STOP_AHEAD = `(?!(?:${ADDRESS_STOP})(?![\\p{L}\\p{M}'’-]))`;
// Whole words only: a city cut short ("Dubl|in 8") must not pass because its tail is a stop word.
// A dot stays only inside a word or after a short abbreviation ("St.", "Mt."): "Warszawa." ends a sentence.
const WORD = `[\\p{L}](?:[\\p{L}\\p{M}'’-]|\\.(?=\\p{L}))*(?:(?<!\\p{L}{4})\\.)?(?![\\p{L}\\p{M}])`;
/** One to four city words, none of them a stop word. "new" is allowed inside ("North New Stuart")… */
// A postal district may follow the city ("Dublin 8", "Lyon 3"): one or two digits, never a ZIP.
// Glue inside city names ("Frankfurt am Main", "Ciudad de México", "Stratford-upon-Avon" spelt apart).
const CITY_GLUE = `(?:am|an der|im|ob der|upon|on the|sur|en|de|del|de la|di|da|do|dos|das|aan den|aan de|op)`;
const CITY = `${STOP_AHEAD}${WORD}(?:[ \\t]+(?:${CITY_GLUE}[ \\t]+)?${STOP_AHEAD}${WORD}){0,3}(?:[ \\t]+\\d{1,2}(?![\\d\\p{L}]))?`;
/** …but a city may start with "new", "old", "st" ("New York", "Old Town"). */
const CITY_START = `(?:(?:new|old|st\\.?|saint|san|santa|fort|ft\\.?|port|mount|mt\\.?|lake|north|south|east|west|upper|lower|great|little|east)[ \\t]+)?`;
const FULL_CITY = `${CITY_START}${CITY}`;
/** After a postcode the city is certain, and an article may open it: "A Coruña", "La Rochelle", "Le Havre". */
const ZIP_CITY = `(?:(?:a|o|la|le|el|los|las|les|il|lo|l['’])[ \\t]*)?${FULL_CITY}`;
const SEP = `[ \\t]*,?[ \\t]*`;
const ZIP_US = `\\d{5}(?:-\\d{4})?`;
/** Real UK, Irish-style outward codes and the lenient "HS06 36Y" shape generated data uses. */
// Irish Eircodes ("D08 X2F4") have a routing key then four letters/digits with at least one letter.
const POSTCODE_UK = `[a-z]{1,2}\\d[a-z\\d]?[ \\t]*\\d[a-z]{2}|[a-z]{1,2}\\d{1,2}[ \\t]+\\d{1,2}[a-z]{1,2}|[a-z]\\d{2}[ \\t]?(?=[a-z\\d]{0,3}[a-z])[a-z\\d]{4}`;
const POSTCODE_CA = `[a-z]\\d[a-z][ \\t]?\\d[a-z]\\d`;
// Swedish postcodes are written "118 26"
const ZIP_EU = `\\d{5}|\\d{3} \\d{2}|\\d{4}-\\d{3}|\\d{2}-\\d{3}|\\d{4}(?:[ \\t]?[a-z]{2}(?![\\p{L}]))?`;
const END = `(?![\\p{L}\\p{M}\\d]|[.-]\\d)`;
const COUNTRY =
  '(?:usa|u\\.s\\.a\\.?|us|united states|uk|u\\.k\\.|united kingdom|england|scotland|wales|ireland|canada|australia|' +
  'germany|deutschland|spain|españa|espana|france|portugal|italy|italia|netherlands|nederland|belgium|austria|' +
  'österreich|switzerland|schweiz|suisse|mexico|méxico)';

export const UNIT_RE = new RegExp(
  `(?:[ \\t]*,?[ \\t]*(?:(?:${UNIT_WORDS})(?![\\p{L}])\\.?[ \\t]*(?:no\\.?[ \\t]*)?#?[ \\t]*|#[ \\t]*)[a-z0-9][a-z0-9-]{0,5}${END}` +
    `|[ \\t]*,[ \\t]*\\d{1,3}(?:\\.?[ºª°]|\\.|st|nd|rd|th)?[ \\t]*(?:og|ug|eg|dg|obergeschoss|stock|[a-z]|izq|izda|izquierda|dcha|dcha|derecha|der|esq|dto|dta|drt|dir|fte|frente|floor|fl|piso|andar|étage|etage)\\.?${END})`,
  'uy',
);

/** ", City, ST 12345" / "City ST 12345-6789" / ", ST 12345" / " 12345". */
export const US_TAIL_RE = new RegExp(
  `${SEP}(?:${FULL_CITY}${SEP})?(?:(?:${US_STATES})\\.?${SEP})?${ZIP_US}${END}`,
  'uy',
);
/**
 * ", City, ST" / ", City ST" / " City, ST" without a ZIP: one comma at least, and the state must end the
 * sentence or clause.
 */
export const US_STATE_TAIL_RE = new RegExp(
  `(?:[ \\t]*,[ \\t]*${FULL_CITY}(?:[ \\t]*,[ \\t]*|[ \\t]+)|[ \\t]+${FULL_CITY}[ \\t]*,[ \\t]*)(?:${US_STATES})\\.?(?=[ \\t]*(?:$|[\\n.!?;,)]|[-–—][ \\t]|(?:${ADDRESS_STOP})(?![\\p{L}\\p{M}'’-])))`,
  'uy',
);
/** ", Sydney NSW 2000": Australian states take four-digit postcodes. */
export const AU_TAIL_RE = new RegExp(
  `${SEP}(?:${FULL_CITY}${SEP})?(?:nsw|vic|qld|wa|sa|tas|act|nt)\\.?[ \\t]+\\d{4}${END}`,
  'uy',
);
/**
 * ", Town PostCode" (UK, Ireland) or "City QC H2X 1Y4" (Canada), after up to two place parts: a district
 * and a county ("Dún Laoghaire, Co. Dublin A96 X2K7"), a postal station and a town ("Stn Main,
 * Whitehorse YT Y1A 5K9"). A Canadian postal station may be a bare letter ("STN A", "SUCC C").
 */
export const UK_TAIL_RE = new RegExp(
  `${SEP}(?:(?:stn|succ|rpo)\\.?[ \\t]+[\\p{L}\\d][\\p{L}\\d-]*${SEP})?(?:${FULL_CITY}${SEP}){0,2}(?:(?:${US_STATES})[ \\t]+)?(?:${POSTCODE_UK}|${POSTCODE_CA})${END}`,
  'uy',
);
/** ", 80331 München", "4050-262 Porto", "15179 halle (saale)". */
export const EU_TAIL_RE = new RegExp(
  `${SEP}(?:${ZIP_EU})[ \\t]+${ZIP_CITY}(?:[ \\t]*\\([\\p{L}][\\p{L}\\p{M} .-]*\\))?`,
  'uy',
);
/**
 * ", Singapore 560123", ", Gurgaon, Haryana 122001", ", Tokyo 150-0002": six-digit and Japanese
 * postcodes after one to three place parts.
 */
export const INTL_TAIL_RE = new RegExp(
  `[ \\t]*,?[ \\t]*(?:${FULL_CITY}[ \\t]*,[ \\t]*){0,2}${FULL_CITY}[ \\t]*,?[ \\t]*(?:[-–][ \\t]*)?(?:\\d{6}|\\d{3}[ \\t]\\d{3}|\\d{3}-\\d{4}|\\d{4}${END}(?![ \\t]*(?:am|pm|hrs?|h|uhr|kwh|kg|km|mb|gb|eur|usd|zar|php|rand|pesos?|naira|units?)(?![\\p{L}])))${END}`,
  'uy',
);
/** "…, 03940 Ciudad de México": a city written after a postcode the US tail took as a ZIP. */
export const CITY_AFTER_ZIP_RE = new RegExp(
  `[ \\t]+${ZIP_CITY}(?=[ \\t]*(?:$|[\\n.!?;,)]|[-–—][ \\t]))`,
  'uy',
);
/** "Rio de Janeiro - RJ, 22240-003": Brazilian city, state and CEP. */
export const BR_TAIL_RE = new RegExp(
  `${SEP}(?:${FULL_CITY}[ \\t]*,[ \\t]*){0,2}${FULL_CITY}[ \\t]*[-–,/][ \\t]*[a-z]{2}[ \\t]*[,-]?[ \\t]*(?:cep:?[ \\t]*)?\\d{5}-?\\d{3}${END}`,
  'uy',
);
/** ", City" then the end of the sentence or clause: "10029 leonel loop, spring valley". */
export const CITY_ONLY_RE = new RegExp(
  `[ \\t]*,[ \\t]*${FULL_CITY}(?=[ \\t]*(?:$|[\\n.!?;,)]|[-–—][ \\t]|(?:${ADDRESS_STOP})(?![\\p{L}\\p{M}'’-])))`,
  'uy',
);
export const COUNTRY_RE = new RegExp(`[ \\t]*,?[ \\t]*${COUNTRY}(?![\\p{L}\\p{M}])`, 'uy');

/** Postcodes after "zip", "postcode": one on its own still locates a household closely. */
export const POSTCODE_CUE_RE = new RegExp(
  `\\b(?:zip(?: ?code)?|post ?code|postal code|plz|código postal|code postal|cap)(?: is|:)?[ \\t]*(${ZIP_US}|${POSTCODE_UK}|${POSTCODE_CA})${END}`,
  'gu',
);
/**
 * "my postcode is definitely right G12 8QQ", "the postcode on the account is CF14 3UZ": a few words between
 * the cue and a UK or Canadian postcode, whose letter-digit shape no ordinary word has.
 */
export const POSTCODE_CUE_FAR_RE = new RegExp(
  `\\b(?:post ?code|postal code)(?:[ \\t]+[^\\s\\d.!?;]{1,16}){1,6}?[ \\t]*:?[ \\t]+(${POSTCODE_UK}|${POSTCODE_CA})${END}`,
  'gu',
);

/** Runs one sticky regex at `pos`; returns the end of its match or -1. */
export function stickyEnd(re: RegExp, lower: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(lower);
  return m ? pos + m[0].length : -1;
}
