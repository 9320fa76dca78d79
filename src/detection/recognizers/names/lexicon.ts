import { COMMON_WORDS } from './common-words.js';
import { GIVEN_NAMES } from './given-names.js';
import { SURNAMES } from './surnames.js';

const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

/**
 * Words that never belong to a personal name. A name span ends at the first of these, which is what
 * keeps "this is John writing" or "my name is Ann and I ..." tight.
 */
export const STOP_WORDS = set(
  'a an the and or but nor so yet if then than as because since while when where whence what which who whom ' +
    "whose why how that this these those there here it its it’s it's i i'm im me my mine myself we us our you your " +
    'yours he him his she her hers they them their is am are was were be been being have has had having do does did ' +
    'done can could would should shall must might not no nope yes yeah yep ok okay please pls plz thanks thank thx ' +
    'ty hi hello hey dear to of at on in into onto from with without by for about above after before below between ' +
    'over under up down out off via per re regarding also just only still even again too very really quite ' +
    'writing speaking calling here customer client account order orders ordered package parcel delivery shipment ' +
    'refund return card phone mobile email e-mail mail address number acct passport license licence ssn dob born id ' +
    'password pin code today tomorrow yesterday tonight now asap soon later monday tuesday wednesday thursday friday ' +
    'saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march october november december ' +
    'feb mar apr jun jul aug sep sept oct nov dec week month year morning evening afternoon night ' +
    // postscript and note markers that open a new thought: "… Jane Doe PS: …"
    'ps pd nb btw fyi ' +
    // yes and no after a form label ("Kunde: ja, seit Jahren")
    'ja nein jein oui non sí seit depuis desde ' +
    'everyone everybody anyone anybody someone somebody nobody none all any some each every both either neither ' +
    "team support service help desk manager agent staff store shop company department sir madam ma'am folks guys " +
    'de la el los las del und der die das ein eine ich bin ist je suis est le les et un une et y o es soy por para ' +
    // adverbs and nouns that follow "ich bin", "soy", "je suis" in complaints, and glue after a thank-you
    'sehr nicht so total wirklich ganz echt kunde kundin muy tan bastante realmente cliente clienta muchas ' +
    'très vraiment pas tellement client cliente vous merci gracias danke ' +
    // thanks and greetings in Portuguese, Italian, Dutch and more: the next name is the agent's
    'obrigado obrigada grazie mille bedankt dank bedank hola hallo bonjour buongiorno buonasera ciao olá oi hoi ' +
    'salut servus moin saludos cordialement beaucoup schön vielen tante muito bom dia goedemorgen goedendag ' +
    // "please" and politeness particles that close a request after a name: Dutch, German, Swedish, Polish,
    // Tagalog, Vietnamese, Hindi/Urdu ("op naam M. van Leeuwen graag", "Rowena Santos po", "naam … hai")
    'graag alstublieft alsjeblieft aub bitte tack proszę prosze po opo nhé nha ạ hai ' +
    // Vietnamese and Swedish greetings ("Xin chào, …", "Hej hej")
    'chào hej',
);

/** Name particles: lowercase glue inside a name ("Ludwig van Beethoven", "Nguyen Van An", "bin Laden"). */
export const PARTICLES = set(
  'van von der den de da das do dos del della di du des le la ter ten bin ibn ben bint al el mac mc ní nic ó ap ' +
    // Vietnamese middle names that mark gender ("Nguyễn Thị Thu Hà", "Trần Văn An"): whatever follows is
    // still the name, even a word that is also a weekday abbreviation ("Thu")
    'thị văn ' +
    // Filipino compound surnames ("Dela Cruz", "Delos Santos", "De los Reyes")
    'dela delos los',
);

/** Honorifics that may open a name; part of the span (they identify nobody, so masking them costs nothing). */
export const TITLE_RE =
  /(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lady|lord|herrn?|frau|señor|señora|senor|senora|sra|srta|sr|mme|mlle|monsieur|madame|signor|signora|rev|revd|reverend|fr|pastor|rabbi|imam|sheikh|shaikh|capt|hon|engr|eng|dott|dottssa|ing|mag)\.?[ \t]+/y;

/**
 * Words that end a capitalised pair as a product, place or organisation rather than a person
 * ("Hunter Boots", "Ann Arbor", "Lynn Warehouse"). Only consulted when no cue says "this is a name".
 */
export const NON_PERSON_TAIL = set(
  'serie arbor fort city town ville springs spring beach heights height park falls harbor harbour valley village hills hill ' +
    'lake lakes port bay point island islands beach county state river creek mountain mount forest woods ' +
    'street st road rd avenue ave lane ln drive dr boulevard blvd court ct way place pl terrace square plaza ' +
    'circle highway parkway center centre mall market station airport hospital university college school ' +
    'warehouse depot hub store stores shop outlet inc llc ltd co corp corporation group bank foods airlines ' +
    'boots shoes pro max mini plus ultra air edition series gen dot pot phone pad book watch tv stick fire ' +
    'kitchen cafe restaurant hotel motel inn pharmacy clinic studio studios records media labs games',
);

/** Brand and product words that look like given names ("Alexa", "Siri", "Echo"). */
export const PRODUCT_HEADS = set(
  'alexa siri echo kindle fire galaxy pixel iphone ipad macbook airpods playstation xbox nintendo switch dyson ' +
    'lego ninja instant roomba fitbit garmin tesla ford chevy jeep dodge mercedes porsche ferrari lincoln ' +
    'victoria dell hp lenovo asus acer canon nikon sony bose jbl philips samsung apple google amazon microsoft ' +
    'ebay walmart target etsy paypal venmo fedex ups usps dhl dpd hermes evri costco ikea nike adidas netflix ' +
    'spotify uber lyft visa mastercard amex chase wells shopify zara gucci prada ' +
    'bosch siemens miele xiaomi huawei thermomix braun tefal krups nespresso kenwood smeg whirlpool electrolux ' +
    'aeg logitech razer oneplus nokia motorola fujifilm panasonic toshiba hisense gorenje beko hoover karcher ' +
    'makita dewalt ryobi weber zwilling rowenta moulinex sennheiser sonos casio seiko rolex tissot lacoste levi ' +
    'puma reebok asics salomon timberland birkenstock skechers converse geox armani versace burberry mango ' +
    'primark uniqlo lidl aldi rewe edeka carrefour mercadona decathlon fnac darty mediamarkt zalando asos shein ' +
    'temu aliexpress vorwerk delonghi',
);

/** Brands named after people: a capitalised pair that is a label, not a customer. */
export const PERSON_BRANDS = new Set(
  (
    'ralph lauren|calvin klein|tommy hilfiger|kate spade|michael kors|tory burch|marc jacobs|vera wang|ted baker|' +
    'jimmy choo|stuart weitzman|betty crocker|kenneth cole|steve madden|hugo boss|john deere|ben sherman|' +
    'karl lagerfeld|sam edelman|anne klein|giorgio armani|paul smith|alexander mcqueen|jack wolfskin|tom ford|' +
    'victoria beckham|johnnie walker|jack daniels|jose cuervo|martha stewart|paul mitchell|john lewis|' +
    'marks spencer|ben jerry|dr martens|christian louboutin|jimmy john|baskin robbins|louis vuitton|christian dior|coco chanel|estee lauder|tim hortons|' +
    'wendy|papa johns|mary kay|hamilton beach|kitchen aid|bill gates|elon musk|jeff bezos|taylor swift|' +
    'dr pepper|mr clean|mr muscle|mr sheen|mrs baird|mrs dash|miss selfridge|mr kipling|dr oetker|dr scholl|' +
    'dr scholls|dr bronner|dr bronners|dr dre|mr coffee|mrs meyers|mr potato head|dr jart|prof sanders|' +
    'mrs butterworth|mrs smith|uncle ben|aunt jemima|mr porter|sr pepper|' +
    // fashion, beauty and homeware houses named after their founders
    'laura ashley|carolina herrera|jean paul gaultier|oscar de la renta|yves saint laurent|donna karan|' +
    'stella mccartney|vivienne westwood|diane von furstenberg|jil sander|salvatore ferragamo|roberto cavalli|' +
    'emilio pucci|nina ricci|paco rabanne|thierry mugler|issey miyake|narciso rodriguez|elie saab|' +
    'pierre cardin|christian lacroix|john varvatos|tommy bahama|lilly pulitzer|vince camuto|bobbi brown|' +
    'charlotte tilbury|jo malone|laura mercier|elizabeth arden|helena rubinstein|max factor|jean patou|' +
    'phillip lim|alexander wang|anna sui|betsey johnson|sonia rykiel|isabel marant|emma bridgewater|' +
    'cath kidston|orla kiely|jasper conran|georg jensen|jack wills|joe browns|karen millen|lk bennett|' +
    'russell hobbs|morphy richards|ted lapidus|guy laroche|pedro del hierro|adolfo dominguez|' +
    'purificacion garcia|roberto verino|angel schlesser|marc o polo|tom tailor|dr hauschka|ben jerrys'
  ).split('|'),
);

const WORDISH_SUFFIX = /(?:ing|ed|ly|ous|ful|less|able|ible|ness|ment|tion|sion|ive|ical|ship|ity)$/;

const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '');

const hasNonAscii = (w: string): boolean => {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return true;
  return false;
};

const inSet = (s: ReadonlySet<string>, w: string): boolean => s.has(w) || (hasNonAscii(w) && s.has(fold(w)));

/** Each part of a hyphenated token is looked up too: "jean-luc", "bergstrom-abernathy". */
const anyPart = (s: ReadonlySet<string>, w: string): boolean => {
  if (inSet(s, w)) return true;
  if (!w.includes('-')) return false;
  return w.split('-').some((p) => p.length > 1 && inSet(s, p));
};

export const isGivenName = (w: string): boolean => anyPart(GIVEN_NAMES, w);
/** Surname prefixes ("O'Brien", "McKay", "d'Souza", "al-Harbi"): their first letters, tested before the regex. */
const prefixStart = (c: number): boolean => c === 111 || c === 109 || c === 100 || c === 97 || c === 101;
export const isSurname = (w: string): boolean =>
  anyPart(SURNAMES, w) ||
  (prefixStart(w.charCodeAt(0)) && /^(?:o['’]|mc|mac|d['’]|al-|el-)\p{L}{2,}/u.test(w));
/** A plain dictionary word: on its own it says nothing about a name. */
export const isCommonWord = (w: string): boolean =>
  !w.includes('-') && (COMMON_WORDS.has(w) || (w.length >= 6 && !hasNonAscii(w) && WORDISH_SUFFIX.test(w)));
