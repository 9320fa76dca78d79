/**
 * How agents confirm, deny or describe on-file data in words. All patterns run on folded text
 * (lowercase, no diacritics, plain quotes) after `stripSafe` removed refusals and verification talk.
 */

const NOUN = '(?:one|address|e-?mail|number|phone|card|date|name|birthday|postcode|zip|details)';

/**
 * Markers that refer to the claimed data or to what is on file ("that matches", "the address we have",
 * "not what I see"): they judge a claim whatever else the customer asked since.
 */
export const REFERRING_MARKERS: readonly RegExp[] = [
  /\b(?:that'?s|that is|thats|it'?s|it is|its|yes,? it'?s|that one'?s)\s+(?:\w+\s+)?(?:what (?:we|i) (?:have|see|show|got)|on file|what'?s on file|the one on file|the one we have)\b/,
  /\b(?:it |that |this |they |those |everything |all )?(?:match(?:es|ed)?|matching)\b(?!\s+(?:your order|the order|the item))/,
  /\bline(?:s|d)? up\b/,
  /\bthe same as (?:what|the one|ours|on file|before|always|usual|last time)\b/,
  new RegExp(
    `\\b(?:the|that|this|a|an) (?:\\w+ )?${NOUN} (?:we|i) (?:have|see|show|got|hold|had)\\b(?! (?:sent|noted|to))`,
  ),
  /\b(?:we|i)(?:'ve| have)? (?:still )?(?:got|have|show|see|hold) you (?:down |listed |registered )?(?:at|in|as|on|under)\b|\byou'?re (?:still )?(?:down|listed|registered) (?:at|in|as|on|under)\b/,
  new RegExp(
    `\\bthat'?s (?:the|your) (?:correct |right |current )?${NOUN}\\b(?!\\s+(?:(?:you|i|we)(?:'ll| will| need| should| can| want)|to|for|that you))`,
  ),
  /\b(?:account|profile|record|records|system|file|crm)\s+(?:shows?|lists?|says|has|have|had|contains?|holds?|displays?)\b(?!\s+(?:\w+\s+){0,2}(?:orders?|purchases?|items?|points|credits?|balance|refunds?|returns?|shipments?|deliveries|subscriptions?|rewards?|vouchers?|coupons?|gift cards?|protection|security|flags?|holds?|locks?|restrictions?|notes?|alerts?|two-factor|2fa|verification)\b)/,
  /\b(?:details|info(?:rmation)?|everything|all of (?:it|that|this)|what you (?:said|gave|typed|wrote|mentioned|provided|sent)|those|these|it all)\b(?:\s+\w+){0,3}?\s+(?:(?:is|are|all|look|looks|seem|seems)\s+)+(?:correct|accurate|right|good|fine|valid|wrong|incorrect|off)\b/,
  /\b(?:i'?m |we'?re )?(?:seeing|showing|getting|pulling up|finding) (?:something|a|an|another|the|your|that)\b/,
  /\bsomething (?:\w+ ){0,2}(?:different|else)\b/,
  /\b(?:doesn'?t|does not|don'?t|do not|didn'?t) ring (?:a|any) bells?\b|\brings a bell\b/,
  // "the street's right", "the domain is off": judging one part of the claim.
  /\b(?:address|e-?mail|phone|mobile|card|birthday|birth ?date|date of birth|postcode|details|street|road|house number|number|name|domain|area code|zip|postcode|post code|digits?|first part|last part|first half|second half|ending|year|month|day|city|town|initial|spelling|provider|prefix|suffix)(?:'s| is| are| was)\s+(?:\w+\s+)?(?:right|correct|wrong|off|fine|good|different|spot on|accurate|ok|okay)\b/,
  /\bthe same as (?:yours|your \w+|his|hers|theirs|(?:his|her|their) \w+)\b/,
  new RegExp(
    `\\bnot (?:the (?:same|right|correct) ${NOUN}|the ${NOUN} (?:we|i) (?:have|see|show|got)|what (?:we|i) (?:have|see|show|got)|on (?:file|the account|your account)|a match)\\b`,
  ),
  /\b(?:doesn'?t|does not|don'?t|do not|didn'?t|did not)\s+(?:quite\s+)?match\b|\bno match\b|\bmismatch/,
  /\b(?:different|another|other|newer|older|updated|more recent|previous|second|alternate) (?:address|e-?mail|number|phone|card|date|name|birthday)\b/,
  /\bno longer (?:valid|current|on file|on the account|the one|in use|listed)\b|\bnot the current\b/,
  /\b(?:we|i) (?:don'?t|do not|can'?t|cannot) (?:have|see|find) (?:that|this|it|those|one like that|any)\b/,
  /\bno record\b|\bnot what (?:we|i) (?:have|see|show|got)\b/,
];

/**
 * Judging words that could answer any question ("correct", "nope", "👍"): they judge a claim only when
 * the claim is what the customer last asked or said.
 */
export const GENERIC_MARKERS: readonly RegExp[] = [
  // affirm
  /\b(?:that'?s|that is|thats|it'?s|it is|its|you'?re|you are|yes,? it'?s|that one'?s)\s+(?:\w+\s+)?(?:right(?! (?:here|now|away|there|after|before))|correct|accurate|the one|the same(?: one)?|spot on|exactly it)\b/,
  /(?<!\b(?:the|a|your|our|be|is|are|the most|correct|in|not)\s)\bcorrect\b(?!\s+(?:account|person|owner|details|information|order|item|size|one to|way|channel|department|team|form|steps?))/,
  /\b(?:exactly|precisely|indeed|bingo|spot on|you got it|got it right|nailed it|perfect match|checks? out|on the money|affirmative|you'?re right|you are right|you'?re correct|that'?s it|that is it|same one|the very same|still (?:the same|current|valid|correct|right|good|active|there|on file|the one))\b/,
  /\b(?:(?:i|we) can confirm|(?:i|we) confirm|confirmed|i can verify that|verified that)\b/,
  /\b(?:the same one|the same(?=\s*(?:[.!?,]|$)))/,
  /\b(?:looks? (?:right|correct|good to me)|all (?:good|correct) (?:there|on that))\b/,
  /\bthat'?s (?:the one|right|correct|it)\b/,
  /\bright on\b|\b100 ?%(?=\s*(?:[.!,]|$))/,
  /\b(?:i|we) (?:can )?(?:see|find|spot|have|got) (?:that|this|it|them|those)(?: ones?)?(?=\s*(?:[.!,]|$|\s+(?:here|there|on (?:the|your) account|on file|in the system|listed|saved)\b))/,
  /\b(?:we'?re|you'?re|we are|you are|it'?s|that'?s|all)\s+(?:all\s+)?(?:good|fine|set|sorted|okay|ok)\s+(?:on|with)\s+(?:that|this|it|those|the \w+)\b/,
  /\b(?:it'?s|they'?re|that'?s) (?:still )?(?:there|in there|on there|saved|on file|active|valid|current|live|listed)\b/,
  /\b(?:is|are|was)\s+(?:\w+\s+)?(?:correct|right|accurate|valid|current)(?=\s*(?:[.!,;]|$))/,
  /(?:^|[.!?]\s*)(?:it'?s |that'?s |yes,? |yeah,? |yep,? )?the (?:\w+ )?one(?=\s*(?:[.!,]|$))|\bthe (?:latter|former)\b/,
  /\b(?:looks|seems|sounds) like it\b|\b(?:appears|seems) so\b|\blooks that way\b|\bnot any ?more\b|\bused to be\b/,
  /\broger(?: that)?\b|\bten-?four\b|\bcorrect(?:a|o)mundo\b|\bdead on\b|\bon the nose\b|\bthat'?s a match\b/,
  // deny
  /\b(?:it'?s|that'?s|it is|that is|its|thats) not\b(?! (?:a problem|an issue|possible|something|available|in stock|shipped|here|yet|ready|too late|your fault))/,
  /\b(?:is|it'?s|that'?s|they'?re|are|was) (?:\w+ )?(?:different|outdated|out of date|changed)\b/,
  /\b(?:(?:i'?m )?afraid|sadly|unfortunately),? not\b/,
  /^close\b|\boff by (?:one|a|an|\d+|just)\b|\b(?:one|a|two|\d) (?:digit|number|letter|character)s? off\b|\b(?:not quite|not exactly|close,? but|so close|pretty close|very close|(?:that'?s|it'?s) close|(?:nearly|almost) (?:right|correct|it|the same))\b/,
  /\bnot (?:the (?:one|same|right one|correct one)|that one|it|right|correct|accurate)\b/,
  /\b(?:isn'?t|is not|wasn'?t|was not|aren'?t|are not|ain'?t)\s+(?:\w+\s+)?(?:it|right|correct|the one|the same|a match|accurate)\b/,
  /\b(?:different|another|other|newer|older|old) one\b/,
  /\b(?:a different|differently|different from|a newer|an older)\b/,
  /\b(?:wrong|incorrect|inaccurate|not correct|not right|doesn'?t look right|that'?s not|that is not|that isn'?t|nope|nah)\b/,
  /\bnot (?:that|this) one\b|\bhmm+,? not\b|\bsomething else\b/,
  /(?:^|[.!?,]\s*)(?:no,?\s+)?not (?:the|that|this|your) [\w.@-]+(?: one| address| e-?mail| number| card)?(?=\s*(?:[.!,]|$))/,
  /(?:^|[.!?,]\s*)(?:oo+h?,?\s*|oh,?\s*|hmm+,?\s*)?(?:almost|nearly|warm(?:er)?|cold(?:er)?|close(?:r)?|getting (?:warm|close)(?:er)?)(?!\s+(?:to|by|at|the|your|a|an|this|that|for|down|up|of)\b)/,
  /\b(?:did|have|has) (?:you|it|they|that|the \w+)\s+(?:\w+\s+)?(?:move|moved|change|changed|update|updated|switch|switched|get a new|got a new)\b/,
  /\b(?:maybe|perhaps) (?:try )?(?:a |an )?(?:another|different|other|older|newer|previous|old)\b|\bare you sure\b|\bguess again\b|\bany other (?:address|e-?mail|number|card|ideas?)\b/,
  // other languages
  /\b(?:correcto|correcta|correto|correta|exacto|exato|exactement|c'est (?:ca|bien ca|exact|correct|juste|bon)|genau|richtig|stimmt|certo|isso mesmo|eso es|es correcto|esta bien|klopt|giusto|esatto|precies|stammer|stamt|korrekt|riktigt|exakt|precis|juist|dokladnie|zgadza sie|tocno|oikein|pitaa paikkansa|dogru|verdade|isso ai|e isso|es ese|es esa|das ist (?:sie|er|es)|det er den|det ar den)\b/,
  /\b(?:no es (?:ese|esa|eso|correcto|el|la)|nao e|(?:e|es|c'est) (?:outro|outra|otro|otra|un autre|une autre)|n'est pas|ce n'est pas|nicht (?:richtig|korrekt|die|der|das)|falsch|errado|errada|incorrecto|incorreto|sbagliato|klopt niet|stammer inte|stamt inte|inte (?:ratt|riktigt|korrekt)|ikke (?:rigtigt|riktig|korrekt))\b/,
  // emoji and symbols that judge
  /[\u2705\u2714\u2611\u{1F44D}\u{1F44C}\u{1F4AF}\u2713\u274C\u2716\u{1F44E}\u{1F645}\u2717\u{1F646}\u{1F197}\u{1F3AF}\u{1F64C}]/u,
];

/**
 * Bare answers: they judge a claim only when they answer an identity question. Checked at clause starts.
 * "No" and the foreign yes/no words also open ordinary sentences ("No puedo…", "Si necesita…"), so
 * they count only as a whole clause or before words that continue an answer ("no, it isn't").
 */
export const WEAK_MARKER =
  /^(?:(?:yes|yess+|yes ?sir|yes ma'?am|yeah|yeh|yah|yep|yup|ya|yea|aye|right|alright|uh-?huh|mhm+|mm-?hm+|certainly|absolutely|definitely|of course|sure is|roger|affirm|it is|it does|we do|i do|that it is|nope|nah|negative|hmm+|hm+|uh+m*|erm+|well+)\b(?!\s+(?:problem|worries|rush|hurry|need|charge|cost|idea|sir))|(?:no|not really)(?=\s*$|\s+(?:it|its|it'?s|that|that'?s|thats|this|we|i|sorry|sir|ma'?am|madam|not|never|unfortunately|sadly|afraid|actually|different|wrong|one|nothing|match|close|way)\b)|(?:nao|non|nein|niet|nee|nej|nei|ei|si|oui|ja|jaa|japp|jepp|jo|joo|jup|jawel|sim|da|tak|hai|evet|kylla|jawohl|claro|exacto|yessir|yas|ye|yuh|affirmative)(?=\s*$))/;

/** Spans that mention confirming without doing it: refusals, promises to verify, courtesy "no". */
export const SAFE_SPANS: readonly RegExp[] = [
  /\b(?:can'?t|cannot|can not|unable to|not able to|not possible(?: for (?:me|us))? to|not allowed to|not permitted to|won'?t|will not|couldn'?t|could not|don'?t|do not|am not|i'?m not|are not|aren'?t|never)\s+(?:\w+\s+){0,4}?(?:confirm|deny|verify|share|disclose|tell|discuss|check|say|see|give|provide|read|reveal|look|access|view|comment|talk|go over|repeat|compare|validate|match|state)\b[^.!?;,]*?(?=\bbut\b|[.!?;,]|$)/g,
  /\b(?:make sure|to make sure|ensure|to check|to verify|to confirm|verify that|verify whether|verify if|check that|check whether|check if|confirm whether|confirm if|confirm that you|confirm it'?s you|once (?:you'?re |you are )?verified|after verification|for your security|for security)\b[^.!?;,]*?(?=\bbut\b|[.!?;,]|$)/g,
  /\bno (?:problem|worries|rush|hurry|need|charge|cost|fee|longer available|stock|idea)\b|\bnot a problem\b|\bno,? (?:thank you|thanks)\b/g,
  /\b(?:that'?s|it'?s|that is|it is) not something (?:i|we) can\b[^.!?;,]*/g,
  // Refusals in the other languages agents answer in: "no puedo confirmar", "je ne peux pas", "kann ich nicht".
  /\b(?:no (?:puedo|podemos|es posible|estoy autorizad[oa])|nao (?:posso|podemos|e possivel)|non (?:posso|possiamo|e possibile)|(?:je|nous) ne (?:peux|pouvons|suis|sommes) pas|ne (?:peux|pouvons) pas|kann ich (?:\w+ ){0,3}?(?:nicht|erst|leider)|konnen wir (?:\w+ ){0,3}?(?:nicht|erst|leider)|darf ich (?:\w+ ){0,2}?nicht|ik kan (?:\w+ ){0,2}?niet)\b[^.!?;]*/g,
  // Judging the one-time code ("that code didn't match", "wrong code") judges no account data.
  // Postcodes and area codes are account data, so those "codes" stay.
  /[^.!?;,]*\b(?:(?<!\b(?:zip|post|postal|area|country|dialling|dialing|sort|security|promo|discount)\s)codes?|otp|one-time|passcode)\b[^.!?;,]*/g,
];

/** Identity data an agent may describe. */
export const IDENTITY_TOPIC =
  /\b(?:address(?:es)?|e-?mails?|email address|phone(?: numbers?)?|numbers? on (?:file|the account)|mobile(?: number)?|cell(?: number)?|landline|(?:credit |debit |payment )?cards?|birthday|birth ?date|date of birth|dob|zip(?: code)?|post ?code|postal code|(?:full |last |first )?name on (?:file|the account)|account holder'?s? name|contact (?:details|info))\b/;

/** A statement about what the account holds: existence, content, comparison. */
export const ASSERTS_ON_FILE: readonly RegExp[] = [
  /\b(?:we|i)(?:\s+(?:do|don'?t|do not|still|currently|also|only|can|could|already|just|definitely))*\s+(?:have|see|show|hold|got|has)\b(?!\s+(?:\w+ed|sent|been|to|made|done|seen|found|noted|a look|a code|your order|an update))/,
  /\b(?:we'?ve|i'?ve) got\b/,
  /\b(?:account|profile|record|records|system|file|it|crm)\s+(?:shows?|lists?|says|has|have|had|contains?|holds?|displays?)\b/,
  /\b(?:is|are|'s|was|were|isn'?t|aren'?t|wasn'?t)\s+(?:\w+\s+){0,3}?(?:registered|listed|recorded|associated|linked|tied|attached|saved|stored|on file|on the account|on your account|in (?:our|the) (?:system|records?))\b/,
  /\bthere(?:'s| is| are| was| were)\s+(?:\w+\s+){0,4}?(?:on file|on the account|on your account|in (?:our|the) system|in our records|registered|listed)\b/,
  /\b(?:only one|two|three|several|multiple|more than one|no)\s+(?:\w+\s+)?(?:addresses|emails|e-mails|phone numbers|numbers|cards|phones)\b/,
  // "the email on file is your first initial and surname": what the data is made of.
  /\b(?:on file|on (?:the|your) account|on record|(?:we|i) (?:have|hold|see)|in the system)\s+(?:is|are|was|has|have|uses?|contains?|includes?|looks?|starts?|ends?|begins?|matches?|reads?|expires?)\b/,
  /\b(?:is|are|was)\s+(?:\w+\s+)?(?:the same|identical|similar|different)\b/,
  /\b(?:expires?|expired|expiring|valid (?:until|till|through|thru))\b/,
];

/** "The email looks like…": describing the form of the data on file. */
export const DESCRIBES_DATA =
  /\b(?:address|e-?mail|number|phone|card|birthday|name|postcode|zip)\b.{0,20}?\b(?:looks like|reads|appears to be|seems to be|looks (?:right|correct|good|fine|wrong|different|off))\b/;

/** Clauses that ask, request, promise or explain verification: not statements about the account. */
export const NOT_ASSERTION =
  /\b(?:could you|can you|would you|will you|please|type|send me|tell me|let me know|provide|give me|enter|share|what is|what'?s|which|i'?ll|i will|we'?ll|we will|let me|going to|once|after|when|if|before|whether|code|one-time|otp|verify|verification|verified|sign in|signed in|log in|logged in|secure link|update|change|add|remove|refund|charge|ship|deliver|send|sent|mail|receive)\b/;
