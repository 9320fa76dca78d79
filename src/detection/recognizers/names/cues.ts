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
  'fianc[ée]e?|girlfriend|boyfriend|aunt|uncle|niece|nephew|cousin|assistant|roommate|flatmate|landlord|tenant|' +
  '(?:mother|father|brother|sister|son|daughter|mom|mum|dad)-in-law|in-laws?|step-?(?:mother|father|mom|mum|dad|son|daughter|brother|sister)|' +
  'carer|caregiver|guardian|grandson|granddaughter|grandchild|godmother|godfather|ex-?wife|ex-?husband|ex|' +
  'manager|secretary|employer|employee|housemate|nanny|cleaner|doctor|lawyer|solicitor|accountant|agent';

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
    re: /(?:^|[^\p{L}])(?:auf (?:den |dem )?namen(?: von)?|a nombre de|au nom de|a nome di|intestat[oa] a|em nome de|t\.n\.v\.|ten name van|op naam(?: van)?|staat op naam van)(?= )/gu,
    strength: 'strong',
  },
  {
    id: 'holder',
    re: /\b(?:account|card|policy|plan|line|contract|ticket|licen[cs]e) ?(?:holder|owner)(?:['’]s name)?(?: is|:)/g,
    strength: 'strong',
  },
  // "account holder Jean-Baptiste de La Fontaine", "holder Lindiwe Zulu": the label typed without its colon
  {
    id: 'holder-bare',
    re: /(?:\b(?:account|card|policy|plan|line|contract) ?(?:holder|owner)|(?:^|[,;:(\n][ \t]*)(?:holder|owner))(?= )/g,
    strength: 'medium',
  },
  {
    // "name on card WATANABE YUKI": the label typed without "is" or a colon
    id: 'name-on-account-bare',
    re: /\bname (?:on|for|of|under) (?:the |my |this )?(?:account|card|order|booking|reservation|policy|licen[cs]e|passport|ticket)(?= )/g,
    strength: 'medium',
  },
  {
    // Labels with no colon in Dutch, Hindi/Urdu (romanised), Swedish, Portuguese, Indonesian/Malay,
    // Tagalog, Polish, Vietnamese, Afrikaans and German/Spanish/French holder words: "naam Daan de Vries",
    // "titular Ana Souza", "Kontoinhaber Jürgen Baumgärtner", "họ tên Lê Thị Mai". Weak: the words after
    // them are often not English ("tôi là khách hàng"), so no dictionary vouches for them; a capital or a
    // known name must.
    id: 'label-bare-intl',
    re: /(?<![\p{L}])(?:naam|namn|nama|pangalan|imię i nazwisko|imie i nazwisko|h[ọo] (?:và )?t[êe]n|ng[ưu][ờo]i nh[ậa]n|ch[ủu] t[àa]i kho[ảa]n|kontoinhaber(?:in)?|karteninhaber(?:in)?|inhaber(?:in)?|titular|titulaire|intestatari[oa]|rekeninghouder|tenaamstelling|kontohavare|w[łl]a[śs]ciciel(?: konta)?|posiadacz(?: konta)?)(?= )/gu,
    strength: 'weak',
  },
  {
    // Korean and Japanese labels before a romanised name: "명의자 Park Ji-yeon", "氏名: Tanaka Yui"
    id: 'label-cjk',
    re: /(?:명의자?|성명|이름|예약자|계약자|수령인|받는 ?분|契約者|予約者|名義人?|氏名|お?名前|申込者|被保険者|受取人)[ \t]*[:：]?(?=[ \t]*[a-z])/gu,
    strength: 'weak',
  },
  {
    // "the claimant is Mariana da Costa Lima", "insured: …", "main driver will be …": a role in a claim,
    // a booking or a rental, then who fills it
    id: 'role-is',
    re: /\b(?:claimant|insured|policy ?holder|beneficiary|applicant|passenger|guest|renter|hirer|lessee|payee|(?:main|named|additional|second) driver)(?:['’]s name)? (?:is|was|will be|would be)(?= )/g,
    strength: 'medium',
  },
  {
    // "a lady called Precious Mahlangu", "some guy named Tom": a person noun, then "called" or "named"
    id: 'called-named',
    re: /\b(?:lady|woman|man|guy|gentleman|girl|boy|person|someone|somebody|chap|bloke|fellow|witness|driver|courier|seller|buyer|neighbou?r|tenant|landlord|student|friend|colleague)(?: who(?:['’]s| is| was))? (?:called|named|by the name of)(?= )/g,
    strength: 'medium',
  },
  {
    // "remove the profile "Tunde"", "the user 'Amaka'": a quoted name after a profile or user noun
    id: 'profile-quoted',
    re: /\b(?:profile|user|viewer|kid['’]s profile)(?: (?:named|called))?(?=[ \t]*["“'‘])/g,
    strength: 'medium',
  },
  {
    // "surname is Featherstonehaugh", "my last name's Nguyen", "first name: Rupert"
    id: 'surname',
    re: /\b(?:(?:my|the|his|her|their|our) )?(?:surname|family name|last name|first name|given name|forename|christian name|middle name|maiden name)(?:['’]s| is| was|:)(?= )/g,
    strength: 'strong',
  },
  {
    // "Vorname Günther", "Nachname ist Fröhlich", "apellidos Sánchez Villalobos", "prénom Inès"
    id: 'name-part-de-es-fr',
    re: /(?<![\p{L}])(?:(?:vor|nach|familien|ruf|geburts)name(?: ist| lautet)?|apellidos?(?: son| es)?|(?:mi |el )?nombre(?: de pila)?(?: es)?|(?:mon |le )?prénom(?: est| c['’]est)?|nom de famille(?: est| c['’]est)?|(?:achter|voor|roep|familie)naam(?: is)?|efternamn(?: är)?|förnamn(?: är)?|nazwisko(?: to)?|sobrenome(?: é)?|cognome(?: è)?)[ \t]*:?(?= )/gu,
    strength: 'medium',
  },
  {
    // Mail headers pasted into the chat: "From: …", "De : …", "Von: …"
    id: 'header-from',
    re: /(?:^|\n)[ \t]*(?:from|de|von|da|van)[ \t]*:(?= )/g,
    strength: 'medium',
  },
  {
    id: 'placed-by',
    re: /\b(?:placed|ordered|booked|purchased|signed for|signed|received|collected|picked up) by(?= )/g,
    strength: 'strong',
  },
  { id: 'name-field', re: /(?:^|\n|[.;] )[ \t]*(?:full )?name[ \t]*[:=-]/g, strength: 'strong' },
  {
    // Emoji-labelled forms ("👤 Jane Doe\n🎂 …\n📞 …"): a person emoji opening a line labels the name
    id: 'emoji-label',
    re: /(?:^|\n)[ \t]*(?:👤|🧑|👨|👩|🙋(?:‍[♀♂])?|🪪)\ufe0f?[ \t]*[:=-]?(?= )/gu,
    strength: 'medium',
  },
  {
    // The name on a doorbell or intercom is how the courier finds the customer: "citofono Ferraro",
    // "buzzer: Okafor", "Klingel Schmidt", "sonnette Dubois", "domofon Nowak"
    id: 'doorbell',
    re: /(?<![\p{L}])(?:doorbell|buzzer|intercom|citofono|campanello|klingel(?:schild)?|sonnette|interphone|portero|interfone|campainha|deurbel|domofon)(?: (?:says|reads|shows|name|nome|name is|dice|zeigt|indique))?[ \t]*:?(?= )/gu,
    strength: 'medium',
  },
  {
    // Pasted forms: "Customer: …", "• Recipient - …", "/ Passenger: …". A role label is not proof of a
    // name ("Customer: yes"), so the words must still look like one.
    id: 'form-label',
    re: /(?:^|\n|[.;/|•·*-] |\t)[ \t]*(?:[-•·*][ \t]*)?(?:customer|client|recipient|addressee|consignee|cardholder|card holder|account holder|account name|passenger|guest|patient|applicant|sender|buyer|purchaser|contact(?: person| name)?|travell?er|beneficiary|payee|policy ?holder|insured|renter|hirer|lessee|(?:main |additional |named )?driver|tenant|occupant|student(?: name)?|holder|first name|last name|surname|given names?|forenames?|family name|middle name|maiden name|signed|signature|from|ordered by|bill to|ship to|deliver to|kunde|kundin|kundenname|empfänger(?:in)?|absender(?:in)?|besteller(?:in)?|cliente|destinatario|remitente|nombre del cliente|destinataire|expéditeur|nom du client)[ \t]*[:=–—-](?:(?= )|[ \t]*\r?\n(?=[ \t]*\p{L}))/gu,
    strength: 'medium',
  },
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
    re: /(?<![\p{L}])(?:ansprechpartner(?:in)?|kontaktperson|vor- und nachname|kontoinhaber(?:in)?|karteninhaber(?:in)?|inhaber(?:in)?|nombre(?: completo| y apellidos)?|apellidos|titular(?: de la (?:cuenta|tarjeta))?|nom(?: complet| et prénom)?|prénom et nom|titulaire(?: du compte)?)[ \t]*[:=-](?= )/gu,
    strength: 'strong',
  },
  { id: 'es-name', re: /\b(?:me llamo|mi nombre es|mi nombre:)/g, strength: 'strong' },
  { id: 'fr-name', re: /\b(?:je m['’]appelle|mon nom (?:est|c['’]est)|mon prénom est)/g, strength: 'strong' },
  {
    id: 'it-pt-nl-name',
    // Polish, Czech, Swedish, Norwegian/Danish self-introductions too: "nazywam się", "mam na imię",
    // "jmenuji se", "jag heter", "jeg hedder"
    re: /\b(?:mi chiamo|il mio nome è|meu nome é|me chamo|mijn naam is|ik heet|nazywam się|nazywam sie|mam na imię|mam na imie|moje imię to|jmenuji se|jmenuju se|jag heter|mitt namn är|jeg heter|jeg hedder|mit navn er)/g,
    strength: 'strong',
  },
  { id: 'this-is', re: /\b(?:(?:this|it)(?: is|['’]s)|its)(?= )/g, strength: 'medium' },
  // Swedish and Dutch "this is …": "det är Linnea Berg här", "dit is Sanne de Wit"
  { id: 'this-is-intl', re: /(?<![\p{L}])(?:det är|det här är|dit is)(?= )/gu, strength: 'weak' },
  {
    id: 'order-under',
    re: /\b(?:(?:account|order|booking|reservation|parcel|package|subscription)s? (?:is |was )?(?:under|in the name of)|(?:it|that|this|everything|all)(?:['’]s| is| was| should be) (?:booked |reserved |listed |registered )?under|(?:booked|reserved|registered|listed|filed) under)(?= )/g,
    strength: 'medium',
  },
  {
    // "I am student Li Wei", "this is customer Ana Ruiz": a role noun between the cue and the name
    id: 'role-noun',
    re: /\b(?:i am|i['’]m|im|this is|it['’]s|here is|from) (?:a |an |the |your )?(?:student|customer|client|member|subscriber|resident|user|owner|tenant|patient|teacher|doctor|engineer|nurse|pensioner|retiree|widow|widower|lawyer|solicitor|executor|landlord|buyer|seller|vendor|driver|courier)(?= )/g,
    strength: 'medium',
  },
  {
    // "Greetings from Tomás Ó Briain", "a message from Ana Ruiz": who is writing
    id: 'greetings-from',
    re: /\b(?:greetings|regards|hello|hi|message|letter|email|e-mail|note|complaint|request) from(?= )/g,
    strength: 'medium',
  },
  {
    // "the package is for Jane Doe", "this gift is meant for Ana": who receives it
    id: 'for-recipient',
    re: /\b(?:package|parcel|order|delivery|gift|present|box|shipment|letter|card|it|this|that)(?: is| was|['’]s) (?:(?:meant|intended|addressed) )?for(?= )/g,
    strength: 'medium',
  },
  {
    // "you spoke with Jane yesterday", "I talked to Omar Haddad": a person on the line
    id: 'spoke-with',
    re: /\b(?:spoke|spoken|speaking|talked|talking|chatted|chatting|dealt|dealing) (?:to|with)(?= )/g,
    strength: 'medium',
  },
  {
    // "please address it to Jane Doe", "put it in the name of …"
    id: 'address-it-to',
    re: /\baddress(?:ed)? (?:it|this|that|them|the (?:package|parcel|letter|box|label|envelope|order|delivery)) to(?= )/g,
    strength: 'medium',
  },
  {
    // "delivered to M. Castellanos", "send to Jun Park at …", "ship it over to Paddy at the shop", "hand it
    // to Mrs Ruiz": who a parcel goes to. The words must still look like a name (a place is not one).
    id: 'deliver-to',
    re: /\b(?:deliver(?:ed|s)?|send|sent|ship(?:ped)?|post(?:ed)?|forward(?:ed)?|hand(?:ed)?|give|gave|left|leave|redirect(?:ed)?|return(?:ed)?)(?: (?:it|this|that|them|these|the (?:parcel|package|order|box|gift|item|replacement|refund)))?(?: (?:back|over|on|along|instead))? to(?= )/g,
    strength: 'medium',
  },
  {
    // Words for a gift card or a greeting: "happy bday Zoe", "put from Aoife on the card", "can the box say
    // 'to Chloé'", "love from Nana Rose". Whoever they greet or sign is a person.
    id: 'card-message',
    re: /\b(?:happy (?:birthday|bday|b-day|anniversary|retirement|graduation|holidays|christmas|xmas|new year|mother['’]s day|father['’]s day|valentine['’]?s(?: day)?)|(?:put|write|writes|written|say|says|saying|sign(?:ed)? it)[ \t]+["“'‘]?(?:from|to|love(?: from)?|dear)|love from|congrat(?:ulation)?s|feliz (?:cumpleaños|aniversario)|joyeux anniversaire|alles gute(?: zum geburtstag)?|buon compleanno|feliz aniversário|gefeliciteerd)(?= )/g,
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
    re: /\b(?:addressed to|made out to|bill(?:ed)? to|invoice(?:d)? to|recipient(?: is|:)?|receiver(?: is|:)|attn:?|attention:|c\/o|care of|empfänger(?:in)?(?: ist|:)?|destinatari[oa](?: es|:)?|destinataire(?: est|:)?|(?:el |la )?titular (?:de la cuenta )?es|(?:le |la )?titulaire (?:du compte )?est|(?:der |die )?(?:konto|karten)inhaber(?:in)? ist|(?:der |die |mein |meine |unser |unsere )?(?:vermieter(?:in)?|hausverwalter(?:in)?|hausmeister(?:in)?)(?: ist|:|,)?)(?= )/g,
    strength: 'medium',
  },
  {
    // "mi hermana Carmen", "mio figlio Matteo", "mijn vrouw Anke", "meine Frau Claudia", "mon mari Karim"
    id: 'relation-intl',
    re: /(?:^|[^\p{L}])(?:(?:mi|mis) (?:hermana|hermano|madre|padre|hij[oa]|espos[oa]|marido|mujer|novi[oa]|vecin[oa]|amig[oa]|abuel[oa]|prim[oa]|t[íi][oa]|suegr[oa]|pareja|compañer[oa]|caser[oa]|arrendador[a]?|propietari[oa]|inquilin[oa]|jef[ea])|(?:mio|mia) (?:figli[oa]|marito|moglie|fratello|sorella|madre|padre|vicin[oa]|amic[oa]|nonn[oa]|compagn[oa]|fidanzat[oa]|zi[oa]|cugin[oa])|(?:o meu|a minha|meu|minha) (?:filh[oa]|marido|mulher|esposa|irmão|irmã|mãe|pai|vizinh[oa]|amig[oa]|av[óô]|namorad[oa]|ti[oa])|mijn (?:vrouw|man|zoon|dochter|broer|zus|moeder|vader|buurman|buurvrouw|vriend|vriendin|partner|oma|opa)|(?:meine|mein|meinen|meiner) (?:frau|mann|sohn|tochter|bruder|schwester|mutter|vater|nachbarn?|nachbarin|freundin|freund|partnerin|partner|oma|opa|kollegin|kollege)|(?:mon|ma) (?:mari|femme|fils|fille|frère|sœur|soeur|mère|père|voisine?|amie?|compagne?|conjointe?|copine|copain|grand-mère|grand-père|propriétaire|bailleur|bailleresse|locataire|patron|patronne)),?(?= )/gu,
    strength: 'medium',
  },
  { id: 'i-am', re: /(?:^|[^\p{L}])(?:i am|i['’]m|im)(?= )/gu, strength: 'weak' },
  {
    // "Hallo, hier ist Jürgen Weißmüller", "ici Marie Dupont", "qui parla Marco Neri": who is writing. German
    // capitalises every noun ("hier ist Rechnung …"), so only a known name counts.
    id: 'here-is-intl',
    re: /(?<![\p{L}])(?:hier (?:ist|spricht|schreibt|is)|ici|qui (?:è|parla|scrive)|aquí (?:está|habla|escribe)|aqui (?:é|fala))(?= )/gu,
    strength: 'weak',
  },
  {
    // "I am" in Portuguese, Afrikaans, Swedish and Polish as typed in chats: a known name must follow
    // ("sou João Pedro", "dis Pieter van Wyk", "jestem Ola")
    id: 'soy',
    re: /(?<![\p{L}])(?:soy|je suis|ich bin|sono|eu sou|sou|ik ben|ek is|dis|jag är|jestem)(?= )/gu,
    strength: 'weak',
  },
  {
    // Tagalog's personal article: "si Ma. Cristina po ito", "kay Jomar". Spanish and Italian "si" is a
    // word, so the name must be capitalised (checked where cues are read).
    id: 'tl-si',
    re: /(?<![\p{L}])(?:si|kay|sina)(?= )/gu,
    strength: 'weak',
  },
  {
    // Self-introductions that leave no room for a state: Vietnamese "tôi là / em là / tên tôi là",
    // Tagalog "ako si", "ako po si", "pangalan ko ay", Hindi/Urdu "mera naam", "mera name", Afrikaans
    // "my naam is", Swedish "jag heter" (above), Indonesian "nama saya"
    id: 'self-intro-intl',
    re: /(?<![\p{L}])(?:t[ôo]i l[àa]|em l[àa]|m[ìi]nh l[àa]|t[êe]n (?:t[ôo]i|em|m[ìi]nh)(?: l[àa])?|ako(?: po)? si|pangalan ko(?: po)?(?: ay)?|mera (?:naam|name)(?: hai)?|meri naam|my naam is|nama saya(?: adalah)?)(?= )/gu,
    strength: 'weak',
  },
  { id: 'for', re: /\bfor(?= )/g, strength: 'given' },
];

/** Sentences where "for <name>" names a recipient rather than a reason ("thanks for Monday"). */
export const DELIVERY_CONTEXT =
  /\b(?:deliver|delivery|delivered|package|parcel|gift|present|order|shipment|ship|shipped|send|sent|addressed|it['’]s|it is|this is|label|box|card|booking|booked|reservation|reserved|room|table|ticket|tickets|seat|check-in|registration|registered)\b/;

/** Words right after a name that confirm it: "this is Jane writing", "ask for Orpha when you call". */
export const CONFIRMERS =
  /^[ \t]*,?[ \t]*(?:writing|here\b|här\b|hier\b|speaking|calling|again\b|from\b|customer|account holder|when you (?:call|ring|arrive|come|get)|when calling|at the (?:door|desk|front|reception|gate)|on arrival|will (?:be|sign|pick|collect)|is my name)/;

/** A sign-off word, then a comma, dash or line break, then the customer's name. */
export const SIGN_OFF_RE =
  /(?:^|[^\p{L}])((?:(?:kind|best|warm|warmest|many|with|all the)[ \t]+)?(?:regards|thanks|thank you|thx|cheers|best|sincerely|signed|respectfully|yours(?: truly| sincerely| faithfully)?|best wishes|take care|cordialement|salutations|saludos|un saludo|atentamente|grüße|grüsse|gruß|mfg|mit freundlichen grüßen|viele grüße|liebe grüße|bien à vous|merci|gracias|danke|obrigad[oa]|grazie|ciao|love|xoxo|amicalement|bises|bisous|un abrazo|abrazos|besos|herzliche grüße|beste grüße|schöne grüße|lieben gruß|gruss|(?<=(?:^|\n)[ \t]*)(?:lg|glg|vg|bg|cdlt|atte))(?:[ \t]+po)?)([ \t]*(?:[,!.:;—–-]+[ \t]*\n?|\n)[ \t]*|[ \t]+)/gu;

/** A dash that opens a signature: "— Jane", "-- J. Smith". */
export const DASH_SIGN_RE = /(?:^|[ \t\n])(?:—|–|--|-)[ \t]*(?=\p{L})/gu;

/** Greetings whose next word is whoever is addressed (normally the agent), not the writer. */
export const GREETING_BEFORE =
  /(?:^|[^\p{L}])(?:hi|hello|hey|dear|hiya|morning|thanks|thank you|thx|ty|cheers|obrigad[oa]|grazie(?: mille)?|bedankt|dank je|dank u|danke(?: schön)?|merci(?: beaucoup)?|gracias|hola|hallo|bonjour|buongiorno|ciao|olá|hoi)[ \t,]*$/u;
