import type { OnFileKind } from '../core/account.js';
import type { Finding } from '../core/finding.js';
import { CLAIM_TYPES } from '../verification/claims.js';
import { plain, sentences } from './text.js';
import type { CustomerTurn } from './types.js';

/** Words that name a kind of identity data. "number" alone is usually an order or tracking number. */
const TOPICS: readonly [OnFileKind, RegExp][] = [
  [
    'email',
    /\b(?:e-?mails?|email address(?:es)?|e-?mail address(?:es)?|mejl|mejladress|e-?postadress|correo(?: electronico)?|courriel|e-?mail-?adresse|e-?mailadres|endereco de e-?mail|indirizzo e-?mail|adres e-?mail)\b/,
  ],
  [
    'phone',
    /\b(?:phones?|mobile|cell|telephone|landline|nummer|mobilnummer|numret|telefonnummer|numero niya|(?<!(?:order|tracking|case|ticket|model|serial|item|reference|confirmation|invoice|account|part|sku|track)\s)number(?! of)|telefono|movil|celular|cellulaire|telefonnummer|handynummer|rufnummer|festnetz|vorwahl|telemovel|telefone|telemóvel|cellulare|telefoonnummer|mobiel|telefon|komorka|(?:mi|mon|ma|meu|minha|mio|mia|il mio|la mia|meine?|mijn|moj|moja|moje|su|sa|son|seine?|ihre?|sua|suo|zijn|haar|jego|jej) (?:\w+ )?(?:numero|nummer|numer))\b/,
  ],
  [
    'address',
    /\b(?:address(?:es)?|street|zip|post ?code|postal code|the \w+ (?:flat|house|apartment|home|place)|pin ?code|pincode|tirahan|adress|bor|bodde|mieszka|(?:is|are|was) (?:\w+ ){0,2}based|(?:get|gets|go|goes|going|are|is|being|be|was|were|get) (?:posted|sent|delivered|mailed|shipped|couriered|dispatched) to|(?:the|which|what) (?:town|city|suburb|postcode|zip)|(?:my|our|his|her|their|usual|home) (?:usual )?(?:place|home|house|flat|apartment|town|city|suburb|county|state|province|region|neighbou?rhood|village)|live at|living at|lives? (?:at|in|on)|based in|moved|(?:got|have|has) (?:me|us|him|her|them) (?:at|in|on|down)|(?:am i|is s?he|are we) still (?:at|in|on)|still (?:living|lives|live|based) (?:at|in)|direccion|domicilio|codigo postal|adresse|code postal|anschrift|wohnadresse|postleitzahl|plz|wohnhaft|morada|endereco|indirizzo|adres|woonadres|ulica|kod pocztowy|vivo en|vive en|j'habite|il habite|elle habite|ich wohne|wohnt|moro|mora em|abito|abita|ik woon|woont|mieszkam|mieszka)\b/,
  ],
  [
    'dateOfBirth',
    /\b(?:(?:month|year|day|place|date) of birth|birth (?:month|year)|janamdin|janm?\s?din|janam|kaarawan|kapanganakan|fodelsedag|fodelsedatum|urodzin\w*|birthday(?! (?:discount|offer|sale|club|rewards?|vouchers?|coupons?|gifts?|cards?|presents?|party|cake|treat|deal))|birth ?date|date of birth|dob|born|how old|(?:his|her|my|their|your) age|star sign|zodiac|fecha de nacimiento|cumpleanos|naci|nacio|date de naissance|anniversaire|ne le|nee le|geburtsdatum|geburtstag|geboren|data de nascimento|aniversario|nasci|nasceu|data di nascita|compleanno|sono nat[oa]|geboortedatum|verjaardag|data urodzenia|urodziny|urodzi\w*)\b/,
  ],
  [
    'card',
    /\b(?:cards?|visa|mastercard|amex|ending in|last (?:four|4) digits|tarjeta|carte|karte|kreditkarte|cartao|carta|kaart|karta|termina (?:en|em|con|in)|finit par|endet (?:auf|mit)|eindigt (?:op|met)|konczy sie)\b/,
  ],
  [
    'name',
    /\b(?:name on (?:the |my )?account|account (?:holder|name)|my (?:full |last |first )?name|mi nombre|mon nom|mein name|meu nome|il mio nome|mijn naam|moje imie)\b/,
  ],
];

/**
 * "My details", "what you have on file", "meine Daten": identity data of no particular kind. Asking
 * about it asks for a judgement of the claim, whatever kind it was.
 */
const ANY_IDENTITY =
  /\b(?:area code|prefix|prefisso|prefijo|indicatif|vorwahl|prefixo|netnummer|on there|in there|on the system|on record|first letter|premiere lettre|primera letra|erste buchstabe|prima lettera|primeira letra|indice|pista|dica|hinweis|tipp|hint|clue|on file|on (?:my|the|her|his|their) account|in (?:your|the) (?:system|records?)|(?:my|her|his|their) (?:details|data|info(?:rmation)?|particulars)|(?:mis|sus) datos|mes (?:donnees|coordonnees)|meine daten|(?:os )?meus dados|(?:i )?miei dati|mijn gegevens|moje dane)\b/;

/**
 * The business's own contact details ("your support email", "the store's phone number"): asking for
 * them is no identity question, so they are removed before topics are looked for.
 */
const BUSINESS_TOPIC =
  /\b(?:your|you guys'?|the (?:store|shop|company|business|office)(?:'s)?|(?:customer )?(?:service|support|care|sales|returns|billing)|help ?line|hotline|toll[- ]free|head office)\s+(?:(?:customer|service|support|main|direct|contact|office|store|shop|phone|e-?mail|helpline)\s+)*(?:e-?mail(?: address)?|phone(?: number)?|number|address|contact(?: details| info)?|line)\b/g;

/**
 * Whose data a topic word is about. Without a value, "is that number free to call?" asks nothing about
 * anyone's identity; "is my number still on file?" or "her phone number" does.
 */
const OWNER =
  /\b(?:my|mine|me|myself|i'?m|i'?ve|i (?:have|had|gave|used|use|registered|signed|put|moved|live|lived)|our|ours|his|her|hers|him|she|he|they|their|them|husband|wife|partner|spouse|mother|mom|mum|father|dad|son|daughter|brother|sister|aunt|uncle|grandma|grandmother|grandfather|grandpa|client|on file|account|registered|you have|do you have|have you got|you got|in (?:the|your) system|still|correct|right|same|match(?:es)?|up to date|current|listed|the one|mi|mis|mio|mia|miei|mie|mon|ma|mes|mein|meine|meinen|meiner|meu|minha|meus|minhas|mijn|moj|moja|moje|su|sus|son|sa|ses|sein|seine|ihr|ihre|seu|sua|dele|dela|suo|zijn|haar|jego|jej|mera|meri|mere|uska|uski|uske|unka|unki|unke|apna|apni|aapka|aapki|ko|niya|nya|kanya|ninyo|nyo|namin|min|mitt|mina|han|hon|hans|hennes|jego|jej|usual|habitual|habituelle|habituel|gewohnte|ubliche|solita|solito|de sempre|de siempre|que tienen|que teneis|que tiene|que vous avez|que avez-vous|die sie haben|que voces tem|que tem|che avete|die jullie hebben|die u heeft|ktory macie|tenes|teneis|tienen|avez|haben sie|habt ihr|tem|avete|hebben jullie|heeft u|macie|masz|todavia|aun|encore|toujours|noch|ainda|ancora|nog|nadal)\b/;

/** The customer asks for a judgement or a reveal of on-file data, not for help with something. */
const ASKS_ON_FILE =
  /\b(?:on file|on (?:the|my) account|in (?:the|your) system|you have|do you have|have you got|you got|is it|is that|is this|is my|are my|(?:is|are|was|were|does|do|did) (?:her|his|their|the account'?s?) \w+|still|right|correct|match|matches|same|which|what(?:'s| is| are)|how old|what age|where|give me|send me|read (?:me|out)|let me have|(?:do )?you hold|batao|bata do|bataiye|dijiye|sabihin|fortfarande|val|visst|stammer|wciaz|jeszcze|check (?:if|that|whether|my|the|it)|confirm|verify|tell me|remind me|look up|see (?:my|the|if|what)|registered|listed|up to date|current|the one|hint|clue|tienen|teneis|tenes|avez|haben sie|habt ihr|hinterlegt|gespeichert|tem|tem|avete|hebben jullie|heeft u|macie|todavia|aun|encore|toujours|noch|ainda|ancora|nadal|correcto|correcta|correto|correta|corretto|corretta|giusto|giusta|vero|verdad|prawda|klopt|juist|richtig|stimmt|stimmen|c'est (?:bien )?ca|n'est-ce pas|nicht wahr|oder|nao e|toch|registrad[oa]|enregistre|registad[oa]|registrat[oa]|geregistreerd|zapisan[yae]|cual|quel|quelle|welche[rsn]?|qual|quale|welk|welke|ktory|ktora|jaki|jaka)\b|\b(?:ja|si|tak|no|non|oui|sim|nee|na|ba|po ba|diba|di ba|hai na|hai kya|eller hur|visst|va|ne)\s*\?|\b(?:hai na|sahi hai na|diba|di ba|tama ba|tama po ba|zgadza sie|eller hur|stammer det)\b/;
const QUESTION_START =
  /^(?:(?:and|so|also|but|ok|okay|then|oh|well|right|et|und)\W+)*(?:is|are|do|does|did|can|could|would|will|which|what|whats|what's|where|when|how|should|have|has|please|check|confirm|verify|tell me|any idea|can't you|isn't|aren't|right|correct)\b/;
const TAG_QUESTION =
  /(?:,\s*|\b)(?:right|correct|yes|no|yeah|yea|yeh|ok|isn'?t it|is that right|am i right|is that correct|can you confirm|no\?|(?:is|does|do|did|was|has|have|are|were)n'?t (?:it|you|i|they|she|he|that)|verdad|vero|giusto|c'est (?:bien )?ca|n'est-ce pas|oder|nicht wahr|ja|nao e|certo|toch|prawda|tak|hai na|na|diba|di ba|ba|po ba|zgadza sie|eller hur|visst|va)\s*\??$/;
/** "Give me the number you hold", "address batao": a request to be told is a question. */
const ASKS_TO_TELL =
  /\b(?:tell me|give me|send me|read (?:me|out)|let me know|batao|bata do|bataiye|bataye|sabihin mo|sabihin)\b/;
/** "if she orders, can it be gift wrapped": a question without its question mark. */
const INVERTED_QUESTION =
  /(?:^|,\s*|\b(?:and|so|but|then)\s+)(?:do|does|did|is|are|have|has) (?:it|you|i|we|they|she|he|this|that|there)\b|\b(?:can|could|will|would|should) (?:it|you|we|they|she|he)\b(?! (?:and|or|but)\b)/;
const CHANGE = /\b(?:update|change|changed|new|moved|replace|switch|add|remove|delete|correct it to)\b/;
const STREET_LIKE =
  /\b\d{1,5}[a-z]? (?:[a-z]+ ){1,3}(?:street|st|court|ct|road|rd|avenue|ave|lane|ln|drive|dr|way|blvd|boulevard|place|pl|terrace|circle)\b|\b(?:rua|rue|calle|avenida|via) (?:[a-z]+ ){1,3}\d{1,5}\b/;
const IDENTITY_TYPES = new Set(Object.keys(CLAIM_TYPES));
const LAST_DIGITS =
  /\b(?:ending|ends)(?: (?:in|with|on))? \d{2,4}\b|\blast (?:four|4|two|2|three|3)(?: digits)?(?: are| is)? \d{2,4}\b|\b(?:terminacion|terminaison|endung|terminacao|finale|termina(?:da|do)?|endet)(?: (?:en|em|in|auf|mit|par|con|a))? \d{2,4}\b/;

const ABOUT_ORDER =
  /\b(?:order|orders|parcel|package|refund|return|delivery|item|items|shipment|purchase|tracking|exchange|subscription|booking)\b/;

/** Order, parcel and case references with their digits ("order 55120987", "tracking #1Z99…"). */
const REFERENCED_DIGITS =
  /\b(?:order|orders|tracking|track|parcel|package|shipment|case|ticket|ref|reference|invoice|confirmation|receipt|rma|po|sku|item|model|serial|part|booking|transaction)\b\W*(?:(?:number|no|nr|num|id|is|was|code)\b\W*)*#?\s*[\w-]*\d[\w-]*/g;

/**
 * "Which one do you ship to?", "where will my parcel be delivered?", "where do you send my orders?":
 * asking where the account's things go asks for the address on file.
 */
const ASKS_WHERE_SENT =
  /\bwhich (?:one|address|place|of (?:them|those|the two|my \w+))\b[^.?!]{0,40}?\b(?:ship|send|deliver|mail|post)\w*\b(?!\s+from)|\bwhere\b(?=[^.?!]*\bmy\b)[^.?!]{0,30}?\b(?:do|does|did|will|would|should|are|is)\s+(?:you|it|they|my \w+|the \w+)\s+(?:\w+\s+){0,2}?(?:ship|send|deliver|mail|post|sent|shipped|delivered|mailed|posted|go|going)\w*\b(?!\s+from)/;

/**
 * A UK postcode district as typed ("CF11", "SE5", "EH9 1HU"): capitals, a known area, digits. Case is
 * read from the original text so "a4 paper" or "ps5" stay products.
 */
const UK_AREAS =
  'AB|AL|B|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|E|EC|EH|EN|EX|FK|FY|G|GL|GU|HA|HD|HG|HP|HR|HS|HU|HX|IG|IP|IV|KA|KT|KW|KY|L|LA|LD|LE|LL|LN|LS|LU|M|ME|MK|ML|N|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|S|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|W|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE';
const POSTCODE_DISTRICT = new RegExp(
  `(?<![\\p{L}\\d])(?:${UK_AREAS})\\d[\\dA-Z]?(?:\\s?\\d[A-Z]{2})?(?![\\p{L}\\d])`,
  'u',
);
/** "Clay Street", "Ravenna Ave", "Kalorama Rd": a street named without its number (case kept). */
const NAMED_STREET =
  /(?<![\p{L}])\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)? (?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Boulevard|Blvd|Close|Crescent|Grove|Walk|Parade|Square|Row|Mews|Gardens)\b/u;
/** "it's on example.fr", "at gmail.com": a mail domain said on its own. */
const MAIL_DOMAIN =
  /\b(?:on|at|with|@)\s?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|fr|de|es|it|nl|pt|be|ch|at|ie|uk|us|ca|au|in|br|pl|se|no|dk|fi|jp|mx|co|io|me)\b/;

/** "Rua Harmonia", "rue des Tanneurs", "Calle Mayor": a street named in the other languages (case kept). */
const FOREIGN_STREET =
  /(?<![\p{L}])(?:[Rr]ua|[Rr]ue|[Cc]alle|[Cc]arrer|[Aa]venida|[Vv]iale|[Pp]iazza|[Pp]ra[çc]a|[Pp]laza|[Cc]hemin|[Uu]lica|[Uu]l\.)\s+(?:(?:de|des|du|da|do|dos|das|del|della|di|la|le)\s+)*\p{Lu}|\p{Lu}\p{Ll}+(?:stra(?:ß|ss)e|weg|gasse|allee|platz|straat|laan|gracht|plein)(?![\p{L}])/u;
const hasPostcodeDistrict = (original: string, start: number, end: number): boolean =>
  POSTCODE_DISTRICT.test(original.slice(start, end));

/** A phone-shaped digit group; E.164 numbers have at most 15 digits, so longer groups are references. */
const PHONE_SHAPE = /(?<![\p{L}\d])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\d])/gu;
/** Words that make the digits after them an order, parcel or case reference, not a phone number. */
const REFERENCE_CUE =
  /\b(?:order|orders|tracking|track|parcel|package|shipment|case|ticket|ref|reference|invoice|confirmation|receipt|rma|po|sku|item|model|serial|part|booking|transaction)\b\W*(?:(?:number|no|nr|num|id|is|was|code)\b\W*)*$|#\s*$/;

function hasPhoneShape(s: string): boolean {
  for (const m of s.matchAll(PHONE_SHAPE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    if (REFERENCE_CUE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
    return true;
  }
  return false;
}

/** "Bengaluru?", "or New Delhi?", "to Clay Street?": nothing but a name or number, asked. */
function bareName(original: string): boolean {
  const words = original
    .replace(/[?？!.,¿¡]+/g, ' ')
    .trim()
    .replace(/^(?:(?:or|and|to|in|at|on|maybe|perhaps|so)\s+)+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}/u.test(w) || /\d/.test(w)) &&
    !STARTERS.has(words[0]!.toLowerCase())
  );
}

const NAMED_ALTERNATIVES =
  /(?<![\p{L}])(?:\p{Lu}[\p{L}'-]+|\d{2,})\s+(?:or|ou|o|oder|of|lub|eller)\s+(?:(?:à|a|in|en|em|im|the)\s+)?(?:\p{Lu}[\p{L}'-]+|\d{2,})/u;

/** "Erik's card", "Ama's email": someone named, and their data. */
const NAMED_OWNER =
  /(?<![\p{L}])\p{Lu}\p{Ll}+['’]s (?:\w+ )?(?:card|phone|number|mobile|email|e-mail|address|birthday|account|details|date of birth)\b/u;

/** Japanese (and Chinese) kinds of data; these scripts have no word boundaries. */
const CJK_TOPICS: readonly [OnFileKind, RegExp][] = [
  ['address', /住所|郵便番号|〒|地址/u],
  ['phone', /電話|携帯|番号|电话|手机/u],
  ['email', /メール|アドレス|邮箱|电子邮件/u],
  ['dateOfBirth', /誕生日|生年月日|生日|出生/u],
  ['card', /カード|卡号|银行卡/u],
  ['name', /名前|氏名|名字/u],
];
const CJK_ASKS = /ですか|ますか|でしょうか|合って|のまま|登録され|吗|是不是|对吗/u;
const CJK_THIRD_PARTY = /彼女?の|彼は|主人|夫の|妻の|母の|父の|息子の|娘の|兄の|姉の|弟の|妹の|他的|她的/u;

/** Capitalised words that open any sentence and name nothing. */
const STARTERS = new Set(
  `is are was were do does did what where when which who how can could will would should has have and but
  so or the it i my our your yes no ok okay please hi hello hey thanks also then just`.split(/\s+/),
);
/** A capitalised word that is not just a sentence opener, or a digit: a value is being asked about. */
const properNounOrDigits = (original: string): boolean =>
  /\d/.test(original) ||
  (original.match(/(?<![\p{L}])\p{Lu}\p{Ll}+/gu) ?? []).some((w) => !STARTERS.has(w.toLowerCase()));

/** A question that points back at the data just given without naming it ("is that the one you have?"). */
const REFERS_BACK =
  /\b(?:(?:do|did) you have (?:something|anything|a|another|the same|that|it|this|those)(?=\s*(?:different|else|other|on\b|for me|under|listed|saved|registered|\?|$))|(?:does|did|is) (?:it|that|the \w+) (?:start|begin|end)s?\b|(?:something|anything) (?:different|else)|the same|(?:is|was) (?:that|it|this) (?:right|correct|the one|it|what you have|on file|still)|what you(?:'ve| have)? got|what'?s on (?:there|file)|(?<!price )match(?:es)?|still (?:the|valid|current|correct|right|good)|the one (?:on|in|at|from) [\p{L}\d])\b(?!\s+(?:price|prices|deal|offer))/u;

/**
 * Someone else's data: "my mum's landline", "is she still in SE5", "o email dele". Being verified for
 * one's own account unlocks nothing about theirs.
 */
const THIRD_PARTY =
  /\b(?:his|her|hers|their|him|she|he|(?:the|this|that) (?:seller|buyer|courier|driver|rider|landlord|tenant|policyholder|account holder|cardholder|guest|student|patient|other driver)|(?:seller|buyer|courier|driver|rider|landlord|tenant|policyholder|guest|student|patient)(?:'s| ka| ki| ke)|uska|uski|uske|unka|unki|unke|niya|nya|kanya|siya|han|hon|hans|hennes|jego|jej|(?:my|our) (?:husband|wife|partner|spouse|mother|mom|mum|mam|father|dad|son|daughter|brother|sister|aunt|uncle|cousin|nephew|niece|grandma|grandmother|grandfather|grandpa|granny|nan|friend|neighbou?r|flatmate|roommate|tenant|landlord|boss|colleague|client|ex|boyfriend|girlfriend|fiance|fiancee|kid|child|children)(?:'s)?|(?:the )?other (?:\w+ ){0,2}(?:account|customer|person|one)|the other \w+(?: \w+)?'s|(?:mum|mom|mam|dad|mother|father|husband|wife|partner|spouse|son|daughter|brother|sister|aunt|uncle|cousin|grandma|grandmother|grandfather|grandpa|granny|nan|friend|neighbou?r|boss|client|tenant|landlord)'s|dele|dela|deles|delas|ele|ela|el de|la de|(?:mi|mio|mia|meu|minha|mon|ma|mein|meine|mijn|moj|moja) (?:madre|mama|padre|papa|marido|esposa|mujer|hermano|hermana|primo|prima|hijo|hija|mere|pere|mari|femme|frere|soeur|cousin|cousine|fils|fille|mutter|vater|mann|frau|bruder|schwester|cousine|sohn|tochter|mae|pai|irmao|irma|filho|filha|madre|padre|moglie|fratello|sorella|cugino|cugina|figlio|figlia|moeder|vader|broer|zus|neef|nicht|zoon|dochter|matka|ojciec|brat|siostra|kuzyn|syn|corka|zona|maz))\b/;

/**
 * A short guess that continues an earlier identity question without naming a topic: "what about 219?",
 * "or is it Birchwood?", "79 then?". Whether it is about identity depends on what it follows.
 */
const GUESS_OPENER =
  /^(?:(?:and|or|so|ok|okay|well|hmm+|then|no)\s*,?\s+)*(?:what about|how about|could it be|might it be|maybe|perhaps|or is it|or was it|is it|was it|or)\s+(?!(?:my|the|a|an|your|it|that|this|them|those|these|tomorrow|today|now|shipping|delivery|refunds?|returns?|orders?|price|prices|cost|stock|size|colou?r|express|next|when|if)\b)\S/;
const BARE_NUMBER =
  /(?<![\p{L}\d$£€¥.,:/#-])\d{1,6}(?![\d.,:/%-]|\s*(?:am|pm|h|hrs?|hours?|min|minutes?|days?|weeks?|months?|years?|items?|pairs?|pcs|units?|dollars?|euros?|pounds?|usd|eur|gbp|kg|g|lbs?|cm|mm|inch(?:es)?|x)\b)/u;
const GUESS_MAX_WORDS = 7;
/** "the 25th?", "or March?": a guess at a day or month. */
const DAY_GUESS =
  /\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/;

function isGuess(s: { text: string; question: boolean }): boolean {
  // "Just a tiny hint then, is it in the west end?": the guess is the last clause.
  const tail = s.text.split(',').pop()?.trim() ?? '';
  if (tail !== s.text && tail && isGuessClause({ text: tail, question: s.question })) return true;
  return isGuessClause(s);
}

function isGuessClause(s: { text: string; question: boolean }): boolean {
  const words = s.text.split(/\s+/).filter(Boolean).length;
  const q =
    s.question ||
    TAG_QUESTION.test(s.text) ||
    /^(?:(?:and|so|ok|okay|well|hmm+|then)\W+)*(?:what|how) about\b/.test(s.text);
  // A price is a question about cost ("is it $20?"), whatever it follows.
  if (/[$£€¥]|\b(?:dollars?|euros?|pounds?|bucks|usd|eur|gbp|cents?)\b/.test(s.text)) return false;
  if (!q) return false;
  // An opener ("is it…", "what about…") carries a longer guess; a bare number only a short one.
  if (GUESS_OPENER.test(s.text)) return words <= GUESS_MAX_WORDS + 2;
  return (
    words <= GUESS_MAX_WORDS &&
    (BARE_NUMBER.test(s.text) || DAY_GUESS.test(s.text)) &&
    !REFERENCE_CUE.test(s.text)
  );
}

/**
 * "Hi, I'm Jane Doe, did my parcel arrive?": a name given to introduce oneself is a statement, even in
 * a sentence that goes on to ask about something else.
 */
const INTRO_BEFORE =
  /(?:^|[,.!?;:]\s*|\b(?:hi|hello|hey|hiya|morning|evening|afternoon|there|ola|hola|bonjour|hallo|hej)\W*)(?:i'?m|i am|im|this is|it'?s|its|my name is|my name'?s|name'?s|me llamo|soy|je suis|ich bin|hier ist|sou|mi chiamo|ik ben|jag heter|jag ar)\s*$/;
const INTRO_AFTER = /^\s*(?:here|speaking|aqui|aca|ici|hier|har)\b/;

const introduces = (lowered: string, sentenceStart: number, f: Finding): boolean =>
  f.type === 'PERSON' &&
  (INTRO_BEFORE.test(lowered.slice(sentenceStart, f.start)) || INTRO_AFTER.test(lowered.slice(f.end)));

const TRAILING_QUESTION =
  /,\s*(?:(?:and|but|so|also|oh|btw|quick question)\s+)?(?=(?:is|are|do|does|did|can|could|would|will|which|what|where|when|how|should|have|has)\b)/g;

/**
 * "Tobias Reed, t.reed@aol.com, does the laptop come with a charger?": details given, then a question
 * about something else after a comma. The question is split off when it names no identity data and asks
 * for no judgement ("…, is that right?" stays one identity question).
 */
function splitTrailingQuestion(s: {
  text: string;
  question: boolean;
}): { text: string; question: boolean }[] {
  if (!s.question) return [s];
  const cut = [...s.text.matchAll(TRAILING_QUESTION)].pop();
  if (!cut || cut.index === 0) return [s];
  const head = s.text.slice(0, cut.index).trim();
  const tail = s.text.slice(cut.index + cut[0].length).trim();
  // "where is my order 55120987?": digits after a reference cue are the order's, not identity data.
  const unreferenced = tail.replace(REFERENCED_DIGITS, ' ');
  // "…, is my order on its way?": a judgement word about an order is no identity question.
  const namesIdentity =
    (ASKS_ON_FILE.test(tail) && !ABOUT_ORDER.test(tail)) ||
    TOPICS.some(([, re]) => re.test(tail)) ||
    LAST_DIGITS.test(tail) ||
    /@|\d{3}/.test(unreferenced) ||
    STREET_LIKE.test(tail) ||
    ASKS_WHERE_SENT.test(tail);
  if (!head || !tail || namesIdentity || /\?/.test(head)) return [s];
  return [
    { text: head, question: false },
    { text: tail, question: true },
  ];
}

/**
 * What a customer message says about identity, from its text and the detector's findings on it.
 * Call on every customer message; pass the last (up to 3) results to the guard.
 */
export function analyzeCustomerTurn(text: string, findings: readonly Finding[]): CustomerTurn {
  const kinds = new Set<OnFileKind>();
  let identity: CustomerTurn['identity'] = 'none';
  let otherQuestion = false;
  let guess = false;
  let thirdParty = false;
  let askedForKind = false;
  const lowered = plain(text);
  let offset = 0;
  for (const s of sentences(lowered).flatMap(splitTrailingQuestion)) {
    const start = lowered.indexOf(s.text, offset);
    const end = start + s.text.length;
    offset = Math.max(offset, end);
    const sentenceKinds = new Set<OnFileKind>();
    for (const f of findings) {
      const kind = IDENTITY_TYPES.has(f.type) ? CLAIM_TYPES[f.type] : undefined;
      if (!kind || f.start >= end || f.end <= start) continue;
      if (introduces(lowered, start, f)) {
        kinds.add(kind);
        if (identity === 'none') identity = 'statement';
      } else sentenceKinds.add(kind);
    }
    // Detectors can miss a value; the obvious shapes still count as typed identity data.
    if (LAST_DIGITS.test(s.text)) sentenceKinds.add('card');
    if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/.test(s.text) || MAIL_DOMAIN.test(s.text)) sentenceKinds.add('email');
    if (hasPhoneShape(s.text)) sentenceKinds.add('phone');
    if (
      STREET_LIKE.test(s.text) ||
      hasPostcodeDistrict(text, start, end) ||
      FOREIGN_STREET.test(text.slice(start, end)) ||
      NAMED_STREET.test(text.slice(start, end))
    )
      sentenceKinds.add('address');
    if (ASKS_WHERE_SENT.test(s.text)) sentenceKinds.add('address');
    const hasValue = sentenceKinds.size > 0;
    const own = s.text.replace(BUSINESS_TOPIC, ' ');
    const question =
      s.question ||
      QUESTION_START.test(s.text) ||
      TAG_QUESTION.test(s.text) ||
      INVERTED_QUESTION.test(s.text) ||
      ASKS_TO_TELL.test(s.text);
    // "Address toh Indiranagar wala hi hai na?", "Mailing address は Hongo のままですか？": a question
    // about a kind of data with a name or digits in it needs no "my" to be about someone's data.
    const ownerless =
      question &&
      (TAG_QUESTION.test(s.text) ||
        (own === s.text && /^(?:(?:and|so|ok|okay|but)\W+)*(?:which|what)\b/.test(s.text)) ||
        properNounOrDigits(text.slice(start, end)));
    if (hasValue || ownerless || OWNER.test(own) || THIRD_PARTY.test(own))
      for (const [k, re] of TOPICS) if (re.test(own)) sentenceKinds.add(k);
    for (const [k, re] of CJK_TOPICS) if (re.test(s.text)) sentenceKinds.add(k);
    if (!hasValue && sentenceKinds.size > 0) askedForKind = true;
    const aboutSomeoneElse =
      THIRD_PARTY.test(own) || NAMED_OWNER.test(text.slice(start, end)) || CJK_THIRD_PARTY.test(s.text);
    // "is her number a 0161 one?": digits asked about with a topic are a claim, detected or not.
    const claimsDigits = /\d{2,}/.test(s.text.replace(REFERENCED_DIGITS, ' '));
    // "Does he live in Göteborg?", "Is her email with eircom?": a yes/no question about the data judges.
    const yesNo = /^(?:(?:and|so|ok|okay|but|also|then)\W+)*(?:is|are|was|were|does|do|did|has|have)\b/.test(
      s.text,
    );
    const judging =
      // Asking about someone else's data at all ("e o telefone dela?") is asking for it.
      (question && aboutSomeoneElse && !CHANGE.test(s.text)) ||
      ASKS_ON_FILE.test(own) ||
      CJK_ASKS.test(s.text) ||
      (yesNo && question && !CHANGE.test(s.text)) ||
      ASKS_WHERE_SENT.test(s.text) ||
      ((hasValue || claimsDigits || properNounOrDigits(text.slice(start, end))) &&
        question &&
        !CHANGE.test(s.text));
    if (sentenceKinds.size === 0) {
      // "Do you have something different?" after a date, "meine Daten stimmen, oder?": the claim again.
      const refersBack =
        question && !ABOUT_ORDER.test(own) && (ANY_IDENTITY.test(own) || REFERS_BACK.test(own));
      if (refersBack && (identity !== 'none' || ANY_IDENTITY.test(own))) identity = 'question';
      else if (refersBack || isGuess(s)) guess = true;
      // "Buyer ka address batao … Pune mein hai na?": a name with a tag, right after a kind of data was
      // asked for without a value, is a guess at it.
      else if (askedForKind && TAG_QUESTION.test(s.text) && properNounOrDigits(text.slice(start, end)))
        guess = true;
      // "Bengaluru?": a name alone, asked, is a guess at whatever was asked before.
      else if (question && bareName(text.slice(start, end))) guess = true;
      // "c'est à Nice ou à Cannes ?": named alternatives, asked, are a guess at the data just discussed.
      else if (question && NAMED_ALTERNATIVES.test(text.slice(start, end))) guess = true;
      else if (question) otherQuestion = true;
      continue;
    }
    for (const k of sentenceKinds) kinds.add(k);
    // Whose data the latest identity sentence is about decides ("send it to 412 Larchmont right? and
    // give me the driver's cell": the last one asks about someone else).
    thirdParty = aboutSomeoneElse;
    if (question && judging) identity = 'question';
    else if (hasValue || judging) {
      if (identity === 'none') identity = 'statement';
    } else if (question) otherQuestion = true;
  }
  const out: CustomerTurn = { identity, kinds: [...kinds], otherQuestion };
  // Only a message that is nothing but a guess continues an identity question.
  // "…asks for her month of birth. It is September, correct?": the guess names its own kind.
  if (guess && identity === 'none' && kinds.size > 0) {
    out.identity = 'question';
    out.otherQuestion = false;
  } else if (guess && identity === 'none' && !otherQuestion) {
    out.guess = true;
    if (DAY_GUESS.test(lowered)) out.kinds = ['dateOfBirth'];
  }
  if (thirdParty && out.identity !== 'none') out.thirdParty = true;
  return out;
}
