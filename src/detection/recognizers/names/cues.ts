/**
 * Phrases after which a customer writes a personal name. Each regex runs on the lowercase text and ends
 * where the name starts. Strength says how much the cue alone vouches for the words that follow:
 * - strong: "my name is", "placed by": anything name-shaped after it is a name.
 * - medium: "this is", "ask for", "call me": the words need to look like a name.
 * - weak: "I am", "soy", "je suis": usually followed by a state ("I am upset"), so a known name is needed.
 * - given: "for" in a delivery sentence: only a known given name counts.
 */
export type CueStrength = 'strong' | 'medium' | 'weak' | 'given';

export interface NameCue {
  id: string;
  re: RegExp;
  strength: CueStrength;
}

const RELATIONS =
  'wife|husband|partner|spouse|son|daughter|child|kid|mother|mom|mum|mommy|father|dad|daddy|brother|sister|' +
  'friend|boss|colleague|coworker|co-worker|neighbou?r|grandmother|grandma|granny|grandfather|grandpa|' +
  'fianc[ée]e?|girlfriend|boyfriend|aunt|uncle|niece|nephew|cousin|assistant|roommate|flatmate|landlord|tenant';

export const NAME_CUES: readonly NameCue[] = [
  {
    id: 'my-name-is',
    re: /\bmy (?:full |legal |first |last |real |maiden )?name(?:['’]s| is| was|:)/g,
    strength: 'strong',
  },
  {
    id: 'name-on-account',
    re: /\b(?:the )?name (?:on|for|of|under) (?:the |my |this )?(?:account|card|order|booking|reservation|package|parcel|delivery|file|subscription)(?: is| was|:)/g,
    strength: 'strong',
  },
  {
    id: 'under-name',
    re: new RegExp(
      `\\b(?:under|in) (?:the |my |his |her |our |their )?(?:(?:${RELATIONS})['’]s )?name(?: of)?(?: is|:|,)?(?= )`,
      'g',
    ),
    strength: 'strong',
  },
  {
    id: 'under-name-de-es-fr',
    re: /\b(?:auf (?:den |dem )?namen(?: von)?|a nombre de|au nom de)(?= )/g,
    strength: 'strong',
  },
  { id: 'holder', re: /\b(?:account|card) ?(?:holder|owner)(?:['’]s name)?(?: is|:)/g, strength: 'strong' },
  {
    id: 'placed-by',
    re: /\b(?:placed|ordered|booked|purchased|signed for|signed|received|collected|picked up) by(?= )/g,
    strength: 'strong',
  },
  { id: 'name-field', re: /(?:^|\n|[.;] )[ \t]*(?:full )?name[ \t]*[:=-]/g, strength: 'strong' },
  {
    // "cardholder name delphine mbeki", "name aaliyah okafor": a form label typed without its colon
    id: 'name-label',
    re: /\b(?:(?:full|customer|cardholder|card holder|account holder|recipient|contact|billing|shipping|legal|first|last)(?:['’]s)? )?name(?<!(?:company|business|store|shop|product|brand|file|user|display|domain|street|model|device|network|wifi|pet|dog|cat|band|song|app|item|host|screen|nick|code|team|project|game|server|folder|district)[ \t]name)(?:[ \t]*[:=-]| is)?(?= )/g,
    strength: 'medium',
  },
  { id: 'de-name', re: /\b(?:ich hei(?:ß|ss)e|mein (?:vor|nach)?name ist|mein name:)/g, strength: 'strong' },
  {
    // form labels in German, Spanish and French: "Ansprechpartner: …", "nombre: …", "titulaire : …"
    id: 'label-de-es-fr',
    re: /(?<![\p{L}])(?:ansprechpartner(?:in)?|kontaktperson|vor- und nachname|kontoinhaber(?:in)?|nombre(?: completo| y apellidos)?|apellidos|titular(?: de la cuenta)?|nom(?: complet| et prénom)?|prénom et nom|titulaire(?: du compte)?)[ \t]*[:=-](?= )/gu,
    strength: 'strong',
  },
  { id: 'es-name', re: /\b(?:me llamo|mi nombre es|mi nombre:)/g, strength: 'strong' },
  { id: 'fr-name', re: /\b(?:je m['’]appelle|mon nom (?:est|c['’]est)|mon prénom est)/g, strength: 'strong' },
  {
    id: 'it-pt-nl-name',
    re: /\b(?:mi chiamo|il mio nome è|meu nome é|me chamo|mijn naam is|ik heet)/g,
    strength: 'strong',
  },
  { id: 'this-is', re: /\b(?:(?:this|it)(?: is|['’]s)|its)(?= )/g, strength: 'medium' },
  {
    id: 'order-under',
    re: /\b(?:account|order|booking|reservation|parcel|package|subscription)s? (?:is |was )?(?:under|in the name of)(?= )/g,
    strength: 'medium',
  },
  { id: 'ask-for', re: /\b(?:ask|asking|ask them|look) for(?= )/g, strength: 'medium' },
  { id: 'call-me', re: /\b(?:call me|i go by|known as|goes by)(?= )/g, strength: 'medium' },
  {
    id: 'relation',
    re: new RegExp(`\\bmy (?:${RELATIONS})(?:['’]s name is| is called| named| called| is|,)?(?= )`, 'g'),
    strength: 'medium',
  },
  {
    id: 'addressed-to',
    re: /\b(?:addressed to|made out to|recipient(?: is|:)?|receiver(?: is|:)|attn:?|attention:|c\/o|care of|empfänger(?:in)?:?|destinatari[oa]:?|destinataire:?)(?= )/g,
    strength: 'medium',
  },
  { id: 'i-am', re: /(?:^|[^\p{L}])(?:i am|i['’]m|im)(?= )/gu, strength: 'weak' },
  { id: 'soy', re: /\b(?:soy|je suis|ich bin|sono|eu sou|ik ben)(?= )/g, strength: 'weak' },
  { id: 'for', re: /\bfor(?= )/g, strength: 'given' },
];

/** Sentences where "for <name>" names a recipient rather than a reason ("thanks for Monday"). */
export const DELIVERY_CONTEXT =
  /\b(?:deliver|delivery|delivered|package|parcel|gift|present|order|shipment|ship|shipped|send|sent|addressed|it['’]s|it is|this is|label|box|card)\b/;

/** Words right after a name that confirm it: "this is Jane writing", "ask for Orpha when you call". */
export const CONFIRMERS =
  /^[ \t]*,?[ \t]*(?:writing|here\b|speaking|calling|again\b|from\b|customer|account holder|when you (?:call|ring|arrive|come|get)|when calling|at the (?:door|desk|front|reception|gate)|on arrival|will (?:be|sign|pick|collect)|is my name)/;

/** A sign-off word, then a comma, dash or line break, then the customer's name. */
export const SIGN_OFF_RE =
  /(?:^|[^\p{L}])((?:(?:kind|best|warm|warmest|many|with|all the)[ \t]+)?(?:regards|thanks|thank you|thx|cheers|best|sincerely|yours(?: truly| sincerely| faithfully)?|best wishes|take care|cordialement|salutations|saludos|un saludo|atentamente|grüße|grüsse|gruß|mfg|mit freundlichen grüßen|viele grüße|liebe grüße|bien à vous|merci|gracias|danke|obrigad[oa]|grazie|ciao|love|xoxo))([ \t]*(?:[,!.:;—–-]+[ \t]*\n?|\n)[ \t]*|[ \t]+)/gu;

/** A dash that opens a signature: "— Jane", "-- J. Smith". */
export const DASH_SIGN_RE = /(?:^|[ \t\n])(?:—|–|--|-)[ \t]*(?=\p{L})/gu;

/** Greetings whose next word is whoever is addressed (normally the agent), not the writer. */
export const GREETING_BEFORE =
  /(?:^|[^\p{L}])(?:hi|hello|hey|dear|hiya|morning|thanks|thank you|thx|ty|cheers)[ \t,]*$/u;
