import type { Finding } from '../../core/finding.js';
import { matchAll } from '../context.js';
import type { Recognizer, ScanInput } from '../types.js';
import {
  CONFIRMERS,
  type CueStrength,
  DASH_SIGN_RE,
  DELIVERY_CONTEXT,
  GREETING_BEFORE,
  NAME_CUES,
  SIGN_OFF_RE,
} from './names/cues.js';
import { isGivenName, NON_PERSON_TAIL, PERSON_BRANDS, PRODUCT_HEADS, STOP_WORDS } from './names/lexicon.js';
import {
  isNameEvidence,
  isPlainWord,
  type NameSpan,
  nameTokens,
  readName,
  tighten,
} from './names/name-span.js';
import { PLACE_NAMES } from './places/place-names.js';
import { PREFIX_STREET_TYPES, STREET_SUFFIXES } from './places/street-types.js';

/**
 * PERSON: personal names as chat customers write them.
 *
 * Cues carry most of the weight: "my name is", "this is … writing", "placed by", "ask for", sign-offs,
 * German/Spanish/French/Italian/Portuguese/Dutch equivalents. Behind a cue the name may be lowercase,
 * "Last, First", hyphenated, with particles, initials, titles or diacritics. Without a cue only a
 * capitalised pair opened by a known given name fires, at a lower score.
 *
 * Deliberately left readable: a lone first name right after a greeting ("hi Tom", "thanks Sarah") is
 * nearly always the agent being addressed, not the customer. A sign-off set apart by a comma, dash or
 * line break ("Thanks,\nSarah") is the customer's name and is masked. The agent's own name can be
 * allow-listed in the policy (`masking.allow`) for the remaining cases.
 */
export const personRecognizer: Recognizer = {
  id: 'person',
  types: ['PERSON'],
  detect(original: ScanInput): Finding[] {
    const out: Finding[] = [];
    // In a shouted message capitals carry no evidence; reading the lowercase copy (same offsets) makes
    // the cues and name lists decide, as for a message typed all in lowercase.
    const input = isShouting(original) ? { text: original.lower, lower: original.lower } : original;
    fromCues(input, out);
    fromHere(input, out);
    fromSignOffs(input, out);
    fromLastLine(input, out);
    fromOpening(input, out);
    fromTitles(input, out);
    fromCapitalisedPairs(input, out);
    if (CJK.test(original.text)) fromCjkLabels(original, out);
    fromAnAddress(input, out);
    if (out.length > 0) {
      coordinated(input, out);
    }
    return out;
  },
};

/**
 * Mostly capitals: at least eight capital letters and fewer than one lowercase letter in ten. A code
 * unit that differs from the lowercase copy is a capital; ASCII a-z or any other letter that equals its
 * lowercase copy counts as lowercase (a cheap test: this runs on every message).
 */
function isShouting({ text, lower }: ScanInput): boolean {
  let up = 0;
  let low = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== lower.charCodeAt(i)) up++;
    else if ((c >= 97 && c <= 122) || (c > 0xdf && c < 0x250)) low++;
  }
  return up >= 8 && low * 10 < up;
}

function push(out: Finding[], text: string, span: NameSpan, score: number, reasons: string[]): void {
  if (score < 0.3) return;
  out.push({
    type: 'PERSON',
    start: span.start,
    end: span.end,
    score: Math.min(1, score),
    recognizer: 'person',
    value: text.slice(span.start, span.end),
    reasons,
  });
}

const isPlace = (span: NameSpan, lower: string): boolean =>
  PLACE_NAMES.has(lower.slice(span.start, span.end));

/**
 * How sure we are that `span`, found after a cue of `strength`, is a name; 0 when it is not one.
 * The rules encode one idea: the weaker the cue, the more the words themselves must look like a name.
 */
export function judgeSpan(span: NameSpan, strength: CueStrength, confirmed: boolean, lower: string): number {
  const toks = nameTokens(span);
  const first = toks[0];
  if (!first) return 0;
  const n = toks.length;
  const evidence = toks.some(isNameEvidence);
  const allPlain = toks.every(isPlainWord);
  const allCap = toks.every((t) => t.cap);
  const knownName = toks.some((t) => (t.given || t.surname) && (!t.word || t.cap));

  if (toks.every((t) => t.initial)) return 0;
  if (allPlain && !span.titled && !(strength === 'strong' && allCap)) return 0;
  if (isPlainWord(first) && !first.cap && !span.commaForm && strength !== 'strong') return 0;
  if (strength !== 'strong' && PRODUCT_HEADS.has(first.lower) && !confirmed) return 0;
  if (strength !== 'strong' && !confirmed && isPlace(span, lower)) return 0;

  switch (strength) {
    case 'strong':
      if (n === 1 && isPlainWord(first)) return confirmed ? 0.7 : 0.55;
      return evidence || confirmed ? 0.9 : 0.8;
    case 'medium':
      if (confirmed) return evidence || n > 1 ? 0.88 : 0.75;
      if (n === 1)
        return first.given && (!first.word || first.cap) ? 0.75 : first.cap && !first.word ? 0.55 : 0;
      if (knownName) return 0.8;
      // Two or more words no dictionary knows ("jamar rippin"), typed in lowercase: a name even when the
      // sentence goes on after it ("you spoke with jamar rippin yesterday").
      return evidence ? 0.7 : (span.closed || n >= 2) && !toks.some(isPlainWord) ? 0.6 : 0;
    case 'weak':
      if (span.commaForm && (knownName || evidence)) return 0.8;
      if (!(first.given || first.surname || (first.cap && !first.word))) return 0;
      if (confirmed && n > 1) return 0.88;
      if (n === 1) return first.given && (!first.word || first.cap) ? 0.7 : 0;
      return knownName ? 0.8 : evidence ? 0.65 : 0;
    case 'given':
      if (!(first.given && (!first.word || first.cap))) return 0;
      return n > 1 && knownName ? 0.7 : 0.6;
  }
}

const HERE_AFTER = /^[ \t]+(?:here|again)\b/;
/** German function words: a message holding one reads "im" as "in dem". */
const GERMAN_WORDS =
  /(?<![\p{L}])(?:ist|sind|seit|liegt|und|nicht|mein|meine|meinen|der|das|noch|bei|auf|vom|zum|zur|ich|wir|habe|wurde|bitte|danke|von|für|ihnen)(?![\p{L}])/u;
const OPEN_QUOTE = /^[ \t]*["“„'‘«]/;
/** A line start, optionally a greeting first: "Hi, Jane again", "hello - Jane Doe here". */
const LINE_START =
  /(?:^|\n)[ \t]*(?:(?:hi|hello|hey|hiya|hallo|hola|bonjour|salut)[ \t]*[,!.:;—–-]?[ \t]*(?:(?:it['’]s|it is|this is)[ \t]+)?)?(?=\p{L})/gu;

/** "Jane here", "J. R. Smith here, about my order", "hi, Jane again": a name opening a line, then "here". */
function fromHere({ text, lower }: ScanInput, out: Finding[]): void {
  if (!lower.includes('here') && !lower.includes('again')) return;
  for (const m of matchAll(LINE_START, lower)) {
    const span = readName(text, lower, m.index + m[0].length);
    if (!span || !HERE_AFTER.test(lower.slice(span.end, span.end + 8))) continue;
    const score = judgeSpan(span, 'medium', true, lower);
    if (score > 0) push(out, text, span, score, ['cue:here']);
  }
}

function fromCues({ text, lower }: ScanInput, out: Finding[]): void {
  for (const cue of NAME_CUES) {
    // Indexed, not for-of: 36 cues per string, and most find nothing; no iterator per cue.
    const matches = matchAll(cue.re, lower);
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      const at = m.index + m[0].length;
      if (cue.strength === 'given' && !DELIVERY_CONTEXT.test(lower.slice(Math.max(0, m.index - 60), m.index)))
        continue;
      // after "send/ship … to" only a capitalised word can start a name (see deliveredToPerson)
      if (cue.id === 'deliver-to' && text.charAt(at + 1) === lower.charAt(at + 1)) continue;
      // "signed for by "J. Whitfield"": a quoted name after its cue
      const q = OPEN_QUOTE.exec(text.slice(at, at + 4));
      const raw = readName(text, lower, q ? at + q[0].length : at);
      if (!raw) continue;
      // Three blanks between cue and words are the name the engine already masked: what follows it
      // ("mi esposa [PERSON] hizo el pedido") is the rest of the sentence, not another name.
      if (text.slice(at, raw.start).includes('   ')) continue;
      const confirmed = CONFIRMERS.test(lower.slice(raw.end, raw.end + 40));
      // "it is for Christmas": one word after "… is for" must be a known given name.
      // "im" without an apostrophe is also German "in dem" ("im Paketzentrum Leipzig"): in a German
      // sentence a known given name must follow it.
      const strength: CueStrength =
        cue.id === 'this-is' && confirmed
          ? 'strong'
          : (cue.id === 'for-recipient' && !confirmed && nameTokens(raw).length < 2) ||
              (cue.id === 'i-am' && m[0].endsWith('im') && GERMAN_WORDS.test(lower))
            ? 'given'
            : cue.strength;
      const span = tighten(raw, (strength === 'strong' || confirmed) && raw.closed);
      if (!span) continue;
      if (cue.id === 'tl-si' && !nameTokens(span).every((t) => t.cap)) continue;
      // "I spoke to Kevin yesterday": a first name alone after "spoke/talked to" is the support agent the
      // customer dealt with, which the agent reading must see; a full name is still masked.
      if (cue.id === 'spoke-with' && !confirmed && nameTokens(span).length === 1) continue;
      // "ship to Chelsea?", "do u ship to Northern Ireland": after "send/ship … to" a place is as likely as a
      // person, so the name must open with a known given name, an initial or a title, and a lone given name
      // must be followed by "at" ("ship it over to Paddy at the shop")
      if (cue.id === 'deliver-to' && !deliveredToPerson(span, lower)) continue;
      const score = judgeSpan(span, strength, confirmed, lower);
      if (score > 0) push(out, text, span, score, [`cue:${cue.id}`, ...(confirmed ? ['confirmed'] : [])]);
    }
  }
}

const AT_AFTER = /^[ \t]+(?:at|c\/o|care of)[ \t]/;

function deliveredToPerson(span: NameSpan, lower: string): boolean {
  const toks = nameTokens(span);
  const first = toks[0];
  if (!first?.cap) return false;
  if (toks.length === 1)
    return first.given && !span.titled ? AT_AFTER.test(lower.slice(span.end, span.end + 12)) : span.titled;
  return span.titled || first.initial || first.given;
}

/** Nouns that make the capitalised words before them a scheme, brand or outlet rather than a person. */
const SERVICE_NOUNS = new Set(
  (
    'points miles rewards membership loyalty voucher vouchers coupon coupons subscription subscriptions plan ' +
    'app tier elite program programme bonus cashback card cards hotel hotels resort store stores shop branch ' +
    'outlet restaurant airline airlines lounge flights stay stays punkte meilen karte prämie puntos tarjeta ' +
    'millas tienda points fidélité carte boutique'
  ).split(' '),
);

/** Sign-offs that only close a message: the name after them is the writer's even without a comma. */
const CLOSING_ONLY =
  /^(?:(?:kind|best|warm|warmest|many|with)[ \t]+)?(?:regards|sincerely|yours(?: truly| sincerely| faithfully)?|cordialement|atentamente|mit freundlichen grüßen|viele grüße|liebe grüße|herzliche grüße|beste grüße|schöne grüße|lieben gruß|mfg|lg|glg|vg|bg|cdlt|atte|amicalement)$/;

/** The name must end the line or the sentence: a sign-off is the last thing written. */
const ENDS_SIGN_OFF = /^[ \t]*(?:$|[\n.!?,;)]|\r)/;

function fromSignOffs({ text, lower }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(SIGN_OFF_RE, lower)) {
    const sep = m[2] ?? '';
    // Three blanks are a value the engine already masked: "Danke [PERSON_1], hat geklappt" has no sign-off.
    if (sep.includes('   ')) continue;
    const at = m.index + m[0].length;
    const span = readName(text, lower, at);
    if (!span || !ENDS_SIGN_OFF.test(lower.slice(span.end, span.end + 3))) continue;
    // The words after one closing are another closing, not a name; "ciao, sono …" opens a self-introduction.
    SIGN_OFF_AT.lastIndex = span.start - 1;
    if (SIGN_OFF_AT.test(`${lower}\n`)) continue;
    if (SELF_INTRO.test(lower.slice(span.start, span.end + 1))) continue;
    if (!span.commaForm && nameTokens(span).some((t) => isPlainWord(t) && !t.cap)) continue;
    const toks = nameTokens(span);
    // "thanks Sarah" (no comma) addresses the agent; a full name or a separated sign-off is the writer's.
    // Formal closings and their abbreviations ("LG Jana", "Regards Tom") never address anyone.
    if (!/[,!.:;—–\n-]/.test(sep) && toks.length < 2 && !CLOSING_ONLY.test(m[1] ?? '')) continue;
    const score = judgeSpan(span, 'medium', true, lower);
    if (score > 0) push(out, text, span, score - 0.03, ['cue:sign-off']);
  }
  for (const m of matchAll(DASH_SIGN_RE, lower)) {
    const span = readName(text, lower, m.index + m[0].length);
    // The rest of the line must be empty: three blanks are a value the engine already masked ("- pw is
    // [PASSWORD]"), so the words before it are not a signature.
    if (!span || !/^[ \t]*(?:$|\n)/.test(lower.slice(span.end, span.end + 2))) continue;
    if (/^[^\n]* {3}/.test(lower.slice(span.end))) continue;
    const score = judgeSpan(span, 'medium', true, lower);
    if (score > 0) push(out, text, span, score - 0.05, ['cue:dash-signature']);
  }
}

/** SIGN_OFF_RE anchored one character before a position: "Danke!\nMit freundlichen Grüßen\nJana" holds two. */
const SIGN_OFF_AT = new RegExp(SIGN_OFF_RE.source, 'uy');
/** Words that introduce the writer's name rather than being it: "ciao, sono Giulia", "hola, soy Ana". */
const SELF_INTRO =
  /^(?:sono|soy|sou|ich bin|je suis|ik ben|hier (?:ist|spricht|is)|ici|aquí|aqui|qui)(?![\p{L}])/u;

/** A name alone on the last line of a multi-line message is a signature. */
function fromLastLine({ text, lower }: ScanInput, out: Finding[]): void {
  const trimmed = text.trimEnd();
  const nl = trimmed.lastIndexOf('\n');
  if (nl < 0 || trimmed.slice(0, nl).trim() === '') return;
  const span = readName(text, lower, nl + 1);
  if (!span || span.end !== trimmed.length) return;
  // Blanks after the words are a value the engine already masked ("Führerschein Nr [DRIVER_LICENSE]").
  if (text.slice(span.end).includes('   ')) return;
  const toks = nameTokens(span);
  if (toks.length > 3 || toks.some(isPlainWord)) return;
  if (!toks.some(isNameEvidence)) return;
  if (!toks.some((t) => t.given || t.surname) && !toks.every((t) => t.cap)) return;
  push(out, text, span, toks.some((t) => t.given) ? 0.75 : 0.6, ['last-line']);
}

// Unambiguous town prefixes only: "Le", "La", "El" also start people's names (Le Van Thanh).
const PLACE_PREFIXES: ReadonlySet<string> = new Set(
  'santa san santo sao são saint st ste fort port mount mt lake'.split(' '),
);

/** After a name that opens the message: a comma, colon, dash or line break, then the message itself. */
const OPENING_SEP = /^[ \t]*(?:[,:;]|[—–-]+[ \t]|\r?\n)/;

/**
 * "Maria Lopez, order W123 never came", "fiona mackenzie - still waiting", "Seamus MacDonald\nref …":
 * a full name written as the message's first words, set apart from the rest like a header. With no cue
 * the words must read as a name on their own: two to four words, each a known name or a capitalised
 * word no dictionary knows, a given name first or a known surname last, and no brand or place.
 */
function fromOpening({ text, lower }: ScanInput, out: Finding[]): void {
  const span = readName(text, lower, 0, { allowComma: false });
  if (!span || span.titled || span.possessive || !OPENING_SEP.test(lower.slice(span.end, span.end + 4)))
    return;
  const toks = nameTokens(span);
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last || toks.length < 2 || toks.length > 4 || toks.some((t) => t.initial)) return;
  // Typed in lowercase a word no list knows may still be a name ("bronagh mccann"), but only in two
  // lowercase words with no glue, the last a known surname: "estoy en Sevilla" is a sentence.
  if (!toks.every((t) => t.given || t.surname || !t.word)) return;
  if (toks.some((t) => t.word && !t.cap)) return;
  const unknownLower = toks.some((t) => !t.cap && !t.given && !t.surname);
  if (
    unknownLower &&
    !(span.tokens.length === 2 && toks.every((t) => !t.cap) && last.surname && !last.word && !first.word)
  )
    return;
  if (!(first.given && (!first.word || first.cap)) && !(last.surname && !last.word)) return;
  if (isBrand(span, lower) || isPlace(span, lower)) return;
  if (
    STOP_WORDS.has(first.lower) ||
    toks.some((t) => PRODUCT_HEADS.has(t.lower) || NON_PERSON_TAIL.has(t.lower))
  )
    return;
  if (toks.some((t) => STREET_SUFFIXES.has(t.lower) || PLACE_NAMES.has(t.lower))) return;
  // "Santa Monica, …", "Fort Worth - …": a place prefix makes the pair a town, not a person.
  if (PLACE_PREFIXES.has(first.lower)) return;
  push(out, text, span, toks.some((t) => t.surname && !t.word) ? 0.72 : 0.62, ['opening']);
}

const TITLE_SCAN =
  /(?<![\p{L}])(?:[Mm]rs?|[Mm]s|[Mm]iss|[Mm]x|[Dd]r|[Pp]rof|[Hh]errn?|[Ff]rau|[Ss]ra?|[Mm]me|[Mm]lle|Rev|Revd|Reverend|Fr|Pastor|Rabbi|Imam|Sheikh|Capt|Sir|Dame)\.?[ \t]+(?=\p{Lu})/gu;
/** "Thank you so much Mr. Thompson": a title right after thanks or a greeting addresses the agent. */
const THANKS_BEFORE =
  /(?:^|[^\p{L}])(?:hi|hello|hey|hiya|thanks|thank you|thx|ty|cheers|morning|good (?:morning|afternoon|evening)|danke(?: schön| sehr)?|vielen dank|hallo|guten (?:tag|morgen|abend)|moin|servus|merci(?: beaucoup)?|bonjour|bonsoir|gracias|muchas gracias|hola|buenos días|buenas tardes|grazie(?: mille)?|buongiorno|bedankt|dank u|obrigad[oa]|olá)(?:[ \t]+(?:so|very)[ \t]+much)?[ \t,!]*$/u;

const LOWER_TITLE_SCAN =
  /(?<![\p{L}])(?:mrs?|ms|miss|herrn?|frau|sra|señora|señor|mme|madame|monsieur)\.?[ \t]+(?=\p{Ll})/gu;

/** "Mr. Smith", "Dr Jane Okafor": a title in front of capitalised words. */
function fromTitles({ text, lower }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(TITLE_SCAN, text)) {
    const raw = readName(text, lower, m.index, { allowComma: false });
    const span = raw && tighten(raw, false);
    if (!span?.titled || isBrand(span, lower)) continue;
    if (THANKS_BEFORE.test(lower.slice(Math.max(0, m.index - 40), m.index))) continue;
    const toks = nameTokens(span);
    if (!toks.every((t) => t.cap) || toks.every(isPlainWord)) continue;
    push(out, text, span, 0.8, ['title']);
  }
  // Typed in lowercase ("mrs nakamura"): no capital to go by, so every word must be unlike a dictionary
  // word ("miss my parcel", "ms word" stay). "dr" and "sr" are left out: street and senior.
  for (const m of matchAll(LOWER_TITLE_SCAN, lower)) {
    const raw = readName(text, lower, m.index, { allowComma: false });
    const span = raw && tighten(raw, false);
    if (!span?.titled || isBrand(span, lower)) continue;
    if (THANKS_BEFORE.test(lower.slice(Math.max(0, m.index - 40), m.index))) continue;
    const toks = nameTokens(span);
    if (toks.length === 0 || toks.length > 3 || toks.some((t) => t.word || t.initial)) continue;
    push(out, text, span, toks.some((t) => t.surname || t.given) ? 0.8 : 0.7, ['title']);
  }
}

/** "Dr. Martens boots": a person-named brand is a product, title or not. */
// The brand may be only the start of the span: "Mr. Clean Magic Eraser".
const isBrand = (span: NameSpan, lower: string): boolean => {
  const words = lower.slice(span.start, span.end).replace(/\./g, '').split(/\s+/);
  for (let n = 2; n <= Math.min(3, words.length); n++)
    if (PERSON_BRANDS.has(words.slice(0, n).join(' '))) return true;
  return PERSON_BRANDS.has(words.join(' '));
};

// A capitalised word may open with a Gaelic or Norman prefix that carries its own capital: "MacDonald",
// "McIlroy", "O'Sullivan", "FitzGerald", "D'Angelo".
const CAP_WORD = "(?:Ma?c|Fitz|[OD]['’])?\\p{Lu}[\\p{Ll}\\p{M}]+(?:['’-]\\p{L}[\\p{Ll}\\p{M}]*)*";
/**
 * Glue between the capitalised words of one name: Dutch tussenvoegsels ("Femke van den Heuvel"), Arabic
 * nasab ("Hamad bin Rashid"), Iberian and Filipino particles ("João Pedro de Oliveira Santos", "Álvaro
 * Rodríguez de la Fuente"). Lowercase only: capitalised glue ("Al", "Dela") is a name word of its own.
 */
const GLUE = '(?:van|von|der|den|de|ter|ten|bin|bint|ibn|da|das|do|dos|del|la|los|al|el|di|du)';
const CAP_RUN = new RegExp(
  `(?<![\\p{L}\\p{M}'’.@_-])${CAP_WORD}(?:[ \\t]+(?:${GLUE}[ \\t]+){0,2}(?:\\p{Lu}\\.|${CAP_WORD})){1,3}(?![\\p{L}\\p{M}@_])`,
  'gu',
);
/**
 * Head nouns of Romance and Dutch place, institution and title names glued the same way as a person's
 * name: "Castelo de Vide", "Vila do Conde", "Banco do Brasil", "Casa de Papel", "Huis ten Bosch".
 */
const GLUED_HEADS = new Set(
  (
    'castelo castillo château chateau castello vila villa ville banco banque banca caixa caja cassa casa maison ' +
    'universidad universidade università université universiteit universitat instituto institut colegio colégio ' +
    'escola escuela hotel hostal pousada praia playa porto puerto ponte puente rio río monte torre museo museu ' +
    'musée igreja iglesia estação estación estacion plaza praça piazza rua calle avenida bairro barrio cidade ' +
    'ciudad quinta hacienda jardim jardín jardin parque parc lago ilha isla cabo serra sierra vale valle campo ' +
    'fazenda centro club clube grupo palazzo palacio palácio teatro cine cinema estadio estádio fundación ' +
    'fundação rancho pueblo huis kasteel slot paleis stichting gemeente hof fort port pointe île isola costa ' +
    'cala cabo bahía baía mar montagne mont casino hospital clínica clinica farmacia farmácia mercado loja ' +
    'tienda restaurante café bar pizzaria padaria panadería hermanos irmãos'
  ).split(' '),
);
const GLUED_PLACE_BEFORE =
  /(?:^|[^\p{L}])(?:au|aux|à|a|en|dans|chez|bei|nach|im|am|zum|zur|naar|bij|op|in|em|no|na|ao|para|al|del|at|to|from|near|via)[ \t]+$/u;
const GLUE_INSIDE = new RegExp(`[ \\t]${GLUE}[ \\t]`);
/**
 * An English article or demonstrative, or an indefinite article in de/fr/es/it/nl/pt, right before a
 * capitalised pair. Definite articles of those languages are left out: they open colloquial names ("i bin
 * der Sepp Huber", "la Maria") and Spanish compound names ("María de los Ángeles").
 */
const ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|ein|eine|einen|einem|un|une|una|uno|een|um|uma)[ \t]+$/u;
/** What follows "the/a <Name Name>" when it is a person being singled out. */
const SINGLED_OUT =
  /^[ \t]*(?:,|who|whom|whose|at|from|of|in|on|here|there|mentioned|named|called|you|i|we)(?![\p{L}])/u;
const NEXT_WORD = /^[ \t]+(\p{Ll}[\p{L}'’-]*)/u;

/**
 * Nouns that make "the <Name Name> …" someone's: their account, their order, or the person themself
 * ("the John Smith account", "that Tom Baker guy"). The name stays masked.
 */
const OWNED_AFTER = new Set(
  (
    'account accounts order orders booking bookings reservation reservations profile file case ticket ' +
    'subscription parcel parcels package packages delivery deliveries card policy claim claims household ' +
    'family estate guy man woman lady person chap fellow bloke customer customers agent rep girl boy kid ' +
    'kids child children'
  ).split(' '),
);

function isArticleThing(before: string, after: string): boolean {
  const article = ARTICLE_BEFORE.exec(before);
  if (!article) return false;
  if (SINGLED_OUT.test(after)) return false;
  const owned = NEXT_WORD.exec(after);
  if (owned && OWNED_AFTER.has(owned[1]!)) return false;
  if (DEFINITE.test(article[0])) return true;
  // "a Paul Smith wallet": an indefinite article needs a noun after the pair, not glue or the sentence end
  const next = NEXT_WORD.exec(after);
  return next !== null && !STOP_WORDS.has(next[1]!);
}
const DEFINITE = /(?:the|this|that|these|those)[ \t]+$/;

/** A shop, branch or outlet noun, optionally with "de/of/in": the words after it name a location. */
const OUTLET_BEFORE =
  /(?:^|[^\p{L}])(?:store|shop|branch|outlet|boutique|showroom|location|magasin|agence|succursale|tienda|sucursal|filiale|geschäft|laden|niederlassung|negozio|punto vendita|winkel|vestiging|filial|loja)[ \t]+(?:(?:de|du|des|d['’]|of|in|at|en|di|da|van|in der|im|am|von)[ \t]*)?$/u;
/** Words after a capitalised pair that make it a product or a picture of someone, not the customer. */
const PRODUCT_NOUNS = new Set(
  (
    'print prints poster posters mug mugs shirt t-shirt tee tees hoodie hoodies sweatshirt jacket cap hat ' +
    'figure figurine doll dolls vinyl album albums lp cd cds dvd dvds blu-ray boxset biography book books ' +
    'novel edition collection bundle kit canvas painting portrait photo photograph frame puzzle costume wig ' +
    'perfume fragrance cologne candle candles bobblehead sticker stickers magnet keyring keychain calendar ' +
    'replica merch merchandise sneakers sneaker trainers shoes boots sandals glasses sunglasses frames lenses ' +
    'tumbler bottle cup flask colourway colorway deluxe remastered'
  ).split(' '),
);
/** A size or capacity after a name-like pair: "40oz", "128 GB", "1.5 l", "65 inch". */
const PRODUCT_SPEC_AFTER =
  /^[ \t]*\d+(?:[.,]\d+)?[ \t]?(?:oz|fl ?oz|ml|cl|l|litre|liter|gb|tb|mb|mm|cm|inch|"|kg|lb|lbs|mah|mp|hz)(?![\p{L}\p{N}])/u;
const PLACE_PREPOSITION =
  /(?:^|[^\p{L}])(?:in|at|near|via|left|leaves|leaving|towards?|outside|around|through|across)[ \t]+$/u;

/**
 * No cue: "Capitalised Capitalised" opened by a known given name ("… spoke to Maria Lopez yesterday").
 * Places, products and greetings addressed to the agent stay readable.
 */
function fromCapitalisedPairs({ text, lower }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(CAP_RUN, text)) {
    const span = readName(text, lower, m.index, { allowComma: false });
    // Without a cue a possessive pair is as often a brand ("Jack Daniel's") as a person.
    if (!span || span.titled || span.possessive) continue;
    let toks = nameTokens(span).filter((t) => t.end <= m.index + m[0].length);
    // "Kontoinhaberin Sabine Hoffmann", "Namen Jürgen Köhler": a capitalised noun no list knows before a
    // given name is the sentence, and the name starts at the given name.
    const [t0, t1] = toks;
    if (toks.length >= 3 && t0 && t1 && !t0.given && !t0.surname && t1.given) toks = toks.slice(1);
    const first = toks[0];
    if (!first || toks.length < 2 || !first.cap) continue;
    if (STOP_WORDS.has(first.lower) || toks.some((t) => PRODUCT_HEADS.has(t.lower))) continue;
    const rest = toks.slice(1);
    // After "van", "de", "bin" a dictionary word is a surname: "Pieter van Dam", "Ana de Lima".
    const afterGlue = new Set(span.tokens.filter((_, i) => i > 0 && span.tokens[i - 1]!.particle));
    // Backstop for given names no list has ("Takeshi Kobayashi", "Li Wei"): every word capitalised and
    // unknown to the dictionary, and a name list knows at least one of them.
    const lexiconBacked =
      !first.given &&
      toks.every(
        (t) =>
          t.cap &&
          !t.word &&
          !t.initial &&
          !STREET_SUFFIXES.has(t.lower) &&
          !PREFIX_STREET_TYPES.has(t.lower),
      ) &&
      toks.some((t) => t.given || t.surname) &&
      // An unknown capitalised word before a given name is prose, often a German noun ("Namen Jürgen").
      (first.surname || rest.every((t) => t.surname));
    // Lowercase glue between capitalised words no dictionary knows is how Dutch, Arabic, Portuguese and
    // Spanish names are written ("Femke van den Heuvel", "Hamad bin Rashid Al Nuaimi"); places with glue
    // ("Rio de Janeiro") are caught by the place checks below.
    const hasGlue = GLUE_INSIDE.test(text.slice(first.start, toks[toks.length - 1]!.end));
    if (hasGlue && GLUED_HEADS.has(first.lower)) continue;
    const glued =
      hasGlue &&
      toks.every(
        (t) =>
          t.cap &&
          (!t.word || t.given || t.surname) &&
          !t.initial &&
          !STREET_SUFFIXES.has(t.lower) &&
          !PREFIX_STREET_TYPES.has(t.lower) &&
          !PLACE_NAMES.has(t.lower),
      );
    if (!first.given && !lexiconBacked && !glued) continue;
    // "livrée au Relais Colis de Montreuil", "bij Albert Heijn van …": after a place word in another
    // language, glued words no name list knows are a shop or place.
    if (
      glued &&
      !first.given &&
      !lexiconBacked &&
      GLUED_PLACE_BEFORE.test(lower.slice(Math.max(0, first.start - 12), first.start))
    )
      continue;
    if (
      rest.some(
        (t) =>
          !t.cap ||
          NON_PERSON_TAIL.has(t.lower) ||
          (STREET_SUFFIXES.has(t.lower) && !(afterGlue.has(t) && first.given)) ||
          (isPlainWord(t) && !t.initial && !afterGlue.has(t)),
      )
    )
      continue;
    if (rest.some((t) => PLACE_NAMES.has(t.lower) && !t.surname && !t.given)) continue;
    const end = rest[rest.length - 1]!.end;
    // "my Marriott Bonvoy points", "the Hilton Honors card": a loyalty scheme or store, not a person.
    const noun = /^[ \t]+(\p{L}+)/u.exec(lower.slice(end, end + 24));
    if (noun && (SERVICE_NOUNS.has(noun[1]!) || PRODUCT_NOUNS.has(noun[1]!))) continue;
    // "Owala FreeSip 24oz", "Galaxy Tab 128GB": a size or capacity right after the pair makes it a product.
    if (PRODUCT_SPEC_AFTER.test(lower.slice(end, end + 16))) continue;
    const phrase = lower.slice(first.start, end);
    if (PLACE_NAMES.has(phrase) || PERSON_BRANDS.has(phrase) || PLACE_PREFIXES.has(first.lower)) continue;
    const before = lower.slice(Math.max(0, first.start - 24), first.start);
    if (PLACE_PREPOSITION.test(before)) continue;
    // "the Marilyn Monroe print", "the Ray-Ban Clubmaster came …", "a Paul Smith wallet": without a cue,
    // an article before the pair makes it a thing (a product, a print, a model). A person is written with
    // one only to single them out: "the Jane Doe who called", "a Jane Doe at Old Mill Road".
    if (isArticleThing(before, lower.slice(end, end + 24))) continue;
    // "au magasin de Bordeaux Sainte-Catherine", "the store in Palo Alto": a shop or branch is named by
    // its place.
    if (OUTLET_BEFORE.test(before)) continue;
    // "Hi Maria Lopez" is still a name, but a greeting + one name was filtered above by the two-word rule.
    const surnameBacked = rest.some((t) => t.surname && !t.word);
    // An ambiguous first word ("Will", "Grace", "Hunter") needs an unambiguous surname behind it.
    if (
      first.word &&
      !surnameBacked &&
      !rest.some((t) => (!t.word || afterGlue.has(t)) && !t.given && !t.surname && !t.initial)
    )
      continue;
    const greeted = GREETING_BEFORE.test(before);
    const score =
      (lexiconBacked || (glued && !first.given) ? 0.58 : surnameBacked ? 0.7 : 0.6) - (greeted ? 0.05 : 0);
    out.push({
      type: 'PERSON',
      start: first.start,
      end,
      score,
      recognizer: 'person',
      value: text.slice(first.start, end),
      reasons: ['given-name', ...(surnameBacked ? ['surname'] : [])],
    });
  }
}

const CJK = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
/** A Japanese or Chinese name (surname, optional space, given name) or a Korean name of 2–4 syllables. */
const CJK_NAME =
  '(?:\\p{sc=Han}{1,3}[ \\u3000]?[\\p{sc=Han}\\p{sc=Katakana}]{1,4}|\\p{sc=Katakana}{2,8}(?:[ \\u3000・]\\p{sc=Katakana}{2,8})?|\\p{sc=Hangul}{2,4})';
/**
 * Form labels in Japanese and Korean, then the name: "契約者：山田 花子", "予約者：佐藤 健", "氏名：小林 翔太",
 * "성명: 김민준". Korean names need the colon (a bare label runs into the sentence: "명의 변경 …"); a
 * name-change request names both holders: "명의 변경 요청합니다: 최윤아 → 최동현".
 */
const CJK_LABELLED = new RegExp(
  `(?:(?:契約者|予約者|名義人?|氏名|お名前|名前|申込者|被保険者|受取人|口座名義)[ \\t\\u3000]*[：:]?|(?:명의자?|성명|이름|예약자|계약자|수령인|받는 ?분|예금주)[ \\t]*[：:]|명의 ?변경[^\\n:：]{0,15}[：:])[ \\t\\u3000]*(${CJK_NAME})(?:[ \\t]*(?:→|->|=>|에서)[ \\t]*(${CJK_NAME}))?(?![\\p{sc=Han}\\p{sc=Hangul}\\p{sc=Katakana}])`,
  'gu',
);

function fromCjkLabels({ text }: ScanInput, out: Finding[]): void {
  for (const m of matchAll(CJK_LABELLED, text)) {
    let at = m.index + m[0].indexOf(m[1]!);
    for (const name of [m[1], m[2]]) {
      if (!name) continue;
      at = text.indexOf(name, at);
      out.push({
        type: 'PERSON',
        start: at,
        end: at + name.length,
        score: 0.85,
        recognizer: 'person',
        value: name,
        reasons: ['cue:cjk-label'],
      });
      at += name.length;
    }
  }
}

const overlapsAny = (out: Finding[], start: number, end: number): boolean =>
  out.some((f) => f.start < end && start < f.end);

/** "Oliver & Sophie Grant", "Ana y Pedro Ruiz", "Sophie Grant and Oliver": a known given name joined to a name. */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?$/u;
const CONJUNCTIONS: ReadonlySet<string> = new Set(['&', 'and', 'und', 'y', 'et', 'e', 'en', 'och', 'i']);
const isBlank = (c: string): boolean => c === ' ' || c === '\t';
const isWordChar = (c: string): boolean => c === '&' || /[\p{L}\p{M}'’-]/u.test(c);

/** The word ending at `end` (blanks before `end` skipped): [start, end), or null. */
function wordEndingAt(text: string, end: number): [number, number] | null {
  let e = end;
  while (e > 0 && isBlank(text.charAt(e - 1))) e--;
  if (e === end) return null;
  let s = e;
  while (s > 0 && e - s < 24 && isWordChar(text.charAt(s - 1))) s--;
  return s < e ? [s, e] : null;
}

/** The word starting at `start` (blanks after `start` skipped): [start, end), or null. */
function wordStartingAt(text: string, start: number): [number, number] | null {
  let s = start;
  while (s < text.length && isBlank(text.charAt(s))) s++;
  if (s === start) return null;
  let e = s;
  while (e < text.length && e - s < 24 && isWordChar(text.charAt(e))) e++;
  return s < e ? [s, e] : null;
}

function coordinated({ text, lower }: ScanInput, out: Finding[]): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const f = out[i]!;
    const conjBefore = wordEndingAt(lower, f.start);
    if (conjBefore && CONJUNCTIONS.has(lower.slice(conjBefore[0], conjBefore[1]))) {
      const w = wordEndingAt(text, conjBefore[0]);
      if (w) joined(text, lower, out, w[0], w[1]);
    }
    const conjAfter = wordStartingAt(lower, f.end);
    if (conjAfter && CONJUNCTIONS.has(lower.slice(conjAfter[0], conjAfter[1]))) {
      const w = wordStartingAt(text, conjAfter[1]);
      if (w) joined(text, lower, out, w[0], w[1]);
    }
  }
}

function joined(text: string, lower: string, out: Finding[], start: number, end: number): void {
  const w = lower.slice(start, end);
  if (!CAPITALISED.test(text.slice(start, end))) return;
  if (!isGivenName(w) || STOP_WORDS.has(w) || PLACE_NAMES.has(w) || overlapsAny(out, start, end)) return;
  out.push({
    type: 'PERSON',
    start,
    end,
    score: 0.75,
    recognizer: 'person',
    value: text.slice(start, end),
    reasons: ['joined-name'],
  });
}

/**
 * "check if Lucy from 24 Mill Lane already ordered", "Tom at 9 Elm Rd": a known given name placed at an
 * address. Found from the cheap " from 24 " side first, then the capitalised word before it.
 */
const AT_ADDRESS = / (?:from|at|of) (?:no\.? ?)?\d{1,5}[a-z]?,?[ \t]+/g;
const WORD_BEFORE = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}\p{M}'’-]+$/u;

function fromAnAddress({ text, lower }: ScanInput, out: Finding[]): void {
  AT_ADDRESS.lastIndex = 0;
  for (let m = AT_ADDRESS.exec(lower); m !== null; m = AT_ADDRESS.exec(lower)) {
    const sp = m.index;
    const after = sp + m[0].length;
    // the street after the number is a capitalised word ("Mill Lane", not "5 PM" or "5 days")
    if (text.charAt(after) === lower.charAt(after) || text.charAt(after + 1) !== lower.charAt(after + 1))
      continue;
    const w = WORD_BEFORE.exec(text.slice(Math.max(0, sp - 24), sp));
    if (!w) continue;
    const end = sp;
    const start = end - w[0].length;
    const low = lower.slice(start, end);
    if (!isGivenName(low) || STOP_WORDS.has(low) || PLACE_NAMES.has(low) || overlapsAny(out, start, end))
      continue;
    out.push({
      type: 'PERSON',
      start,
      end,
      score: 0.7,
      recognizer: 'person',
      value: text.slice(start, end),
      reasons: ['name-at-address'],
    });
  }
}
