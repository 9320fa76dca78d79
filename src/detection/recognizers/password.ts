import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { isCommonWord } from './names/lexicon.js';
import { makeFinding } from './support/words.js';

const ID = 'password';

/** Cue, then up to five connective words ("I use", "for my account"), then a link ("is", ":", "ist"…). */
const CUE =
  'memorable\\s+(?:word|information|info)|security\\s+word|pass(?:word|wd|code|phrase)?s?|pas+w(?:or|ro|o)?r?d|pwd|pw|pin(?:\\s*(?:code|number|no))?|log-?in|sign-?in|credentials?|creds|secret(?:\\s+(?:word|answer))?|(?:[a-zäöüß]{2,16}-?)?(?:passwort|kennwort)|zugangsdaten|geheimzahl|contraseña|contrasena|clave(?:\\s+de\\s+acceso)?|code\\s+d.acc[eè]s|access\\s+code|zugangscode|mot\\s+de\\s+passe|mdp|code\\s+secret|code\\s+pin|senha|palavra-passe|wachtwoord|parola\\s+d.ordine|has(?:ł|l)o|has(?:ł|l)a|heslo|l(?:ö|o)senord|passord|adgangskode|salasana|(?:ş|s)ifre';
const CONNECTIVE =
  "i|we|that|which|use|used|using|have|had|set|chose|picked|made|for|on|to|my|the|account|it|its|just|currently|usually|always|normally|new|old|current|temporary|temp|you|sent|gave|me|emailed|texted|issued|email|amazon|website|site|app|portal|online|banking|ich|benutze|verwende|nutze|habe|für|mein|meine|das|que|uso|utilizo|tengo|para|mi|la|el|je|j'utilise|utilise|pour|mon|ma|le|compte|actuel|actuelle|nouveau|nouvel|ancien|temporaire|provisoire|actual|nueva|nuevo|antigua|antiguo|temporal|aktuelle|aktuelles|neue|neues|alte|altes|mia|il|a|minha|o|mijn|het|de|è|uso|usata";
/** Before a value shaped like a secret, who made or sent it may sit between cue and value too. */
const CONNECTIVE_BEFORE_SECRET = `${CONNECTIVE}|they|he|she|reset|created|generated`;
const LINK =
  "(?:,\\s*)?(?:(?:it|which|that)\\s*(?:'s|’s|is|was)|is|was|are|were|=|:|->|=>|ist|lautet|war|es|era|est|était|c'est|è|é|e'|is|era|sarebbe|luidt|was|(?:set|changed|reset|updated|change)\\s+(?:it\\s+)?to|would\\s+be|should\\s+be)";
/** Cues that name a password outright; "pass", "pin", "login" are everyday words and need a link. */
const BARE_CUE =
  '(?<!(?:boarding|bus|season|day|gym|hall|event|ski|park|travel|rail|metro|annual|free|guest|backstage|vip|press|access|bus)\\s)pass|password|pass-?code|pass-?phrase|passwort|pas+w(?:or|ro|o)?r?d|passwd|pwd|pw|(?:[a-zäöüß]{2,16}-?)?(?:passwort|kennwort)|contraseña|contrasena|mot\\s+de\\s+passe|mdp|senha|wachtwoord|has(?:ł|l)o|has(?:ł|l)a|heslo|l(?:ö|o)senord|passord|adgangskode|salasana|(?:ş|s)ifre';
/** Cues that can only mean a secret, whatever words sit between them and the value. */
const STRONG_CUE = `${BARE_CUE}|memorable\\s+(?:word|information|info)|security\\s+word|clave`;
/** "tried logging in with Xk9mP2vq": what someone logs in with, when it is not an account or provider. */
const LOGGED_IN_WITH =
  /(?<![\p{L}\p{N}])(?:(?:log(?:ging|ged)?|sign(?:ing|ed)?)[ -]?in\s+with|(?:je\s+me\s+)?(?:connecte|connect[ée]e?s?)\s+avec|(?:me\s+)?(?:conecto|conect[ée])\s+con|(?:logge|melde)\s+mich\s+mit|(?:eingeloggt|angemeldet)\s+mit)\s+(?=\S)/gu;
const LOGIN_PROVIDERS =
  /^(?:google|facebook|apple|microsoft|amazon|github|twitter|paypal|sso|email|e-mail|phone|touch|face|fingerprint|biometrics?|password|passkey|username|it|that|this|them|my|the|a|an|no|ease)$/;
/** Letters mixed with digits or symbols, six or more characters: "reset", "2 times" and "123456" are not. */
const SECRET_SHAPE =
  '(?=\\S{6,64}(?![^\\s]))(?:\\S*[\\d!@#$%^&*_+=?~]\\S*[a-z\\u00c0-\\u024f]|\\S*[a-z\\u00c0-\\u024f]\\S*[\\d!@#$%^&*_+=?~])';
const B = '(?<![a-z0-9\\u00c0-\\u024f])';
const E = '(?![a-z0-9\\u00c0-\\u024f])';
const PATTERN = new RegExp(
  [
    `${B}(?:${CUE})${E}(?:\\s+(?:${CONNECTIVE})${E}){0,5}\\s*(?:${LINK})(?=[\\s"“'‘«])\\s*`,
    // "password: x"; "Old password - sakura_1103!": a dash between spaces links a form field too, when the
    // value looks like a secret
    `${B}(?:${CUE})(?:\\s*[:=]|${E}[ \\t]+[-–—][ \\t]+(?=${SECRET_SHAPE}))\\s*`,
    `${B}(?:set|changed|reset|updated|change)\\s+(?:my\\s+|the\\s+)?(?:${CUE})${E}\\s+to\\s+`,
    // "with password "x"": a quoted value right after the cue needs no "is"
    `${B}(?:${CUE})${E}\\s*(?=["“'‘«])`,
    // "forgot my pw again, old one was ilovepizza22": the value is named by "one", a few words on
    `${B}(?:${BARE_CUE})${E}[^.\\n!?]{0,40}?${B}(?:old|new|current|previous|temp|temporary|last|other|usual)\\s+one\\s*(?:is|was|=|:|'s|’s)\\s*(?=${SECRET_SHAPE})`,
    // "mi clave del área de clientes es Pepito2020", "Kennwort fürs Kundenportal lautet Haselnuss#19": any few
    // words may name what the password is for when a link follows and the value itself looks like a secret
    `${B}(?:${STRONG_CUE})${E},?(?:[ \\t]+[^\\s.,;!?:=]{1,24},?){1,5}?[ \\t]+(?:is|was|ist|lautet|war|es|era|est|était|c['’]était|c['’]est|it['’]s|è|luidt)[ \\t]*:?[ \\t]+(?=${SECRET_SHAPE})`,
    // "current pin 4471", "card pin 20931": a bare PIN cue then a short digit run (6 digits is an Indian postal PIN)
    `${B}(?:pin|geheimzahl)${E}[ \\t]*(?=\\d{4,5}(?![\\d.,/-]\\d|\\d))`,
    // "login pw Xk9$mP2v", "pasword ilovemydog1", "the temp password you gave me Xk7#pLq29", "typed my password
    // as Liverpool_fc88": no link word, so the value itself must look like a secret
    `${B}(?:${BARE_CUE})${E}(?:[ \\t]+(?:${CONNECTIVE_BEFORE_SECRET})${E}){0,4}[ \\t]+(?:as[ \\t]+)?(?=${SECRET_SHAPE})`,
    // Taglish and English "password ko to mahalkita_0214", "password now Xk9…": a pronoun, then "to"/"now"
    `${B}(?:${BARE_CUE})${E}(?:[ \\t]+(?:ko|mo|niya|namin|natin|nila|po|na|ni))*[ \\t]+(?:to|into|now|is now|ay|sa)[ \\t]+(?=${SECRET_SHAPE})`,
  ].join('|'),
  'gu',
);
/** Cues that are also everyday words ("I'll pass", "login was fine"): only a password-like value counts. */
const WEAK_CUE = /^(?:pass|log-?in|sign-?in|credentials?|creds|secret|clave)$/;
const QUOTED = /["“'‘«]([^"”'’»\n]{1,64})["”'’»]/y;
const TOKEN = /[^\s]{1,64}/y;
/** A credential pair: "jane / pass1", "jane and pass1", "jane :: pass1". */
const PAIR =
  /\s*(?:\/|\||,|::?|;|and|und|y|et)\s*(?:(?:password|pass|pw|pwd|passwort|contraseña|mot de passe)\s*(?:is|:|ist|es|est)?\s*)?([^\s]{1,64})/y;

/** Words that follow "password is" in complaints, not secrets: "my password is not working". */
const STOP = new Set(
  (
    'not wrong incorrect correct invalid expired reset changed working broken too the a an same different fine ok okay ' +
    'case sensitive required locked missing forgotten lost weak strong being still also now here below above attached ' +
    'empty blank saved stored right please and or but so for in on to with that this it my your what which why how when ' +
    'where definitely probably just really very no yes there been asking needed needs need mandatory long short ' +
    'nicht falsch richtig abgelaufen gesperrt vergessen ungültig korrekt ' +
    'incorrecta incorrecto correcta correcto olvidé olvidada bloqueada caducada inválida no ' +
    'pas faux incorrect bloqué oublié expiré invalide correct ' +
    'is was are were be it’s its'
  ).split(' '),
);
const TRAIL = /[.,;:?)\]"'»”’]+$/;
/**
 * The value before the cue: "i've been using hunter2 as my password", "Tr0ub4dor&3 is my password",
 * "it keeps rejecting Xk9mP2vq as my password".
 */
const NAMED_AFTER =
  /(?<![\p{L}\p{N}])(?:(?:using|use|used|chose|picked|set|tried|typed|entered|with|rejects?|rejected|rejecting|refuses?|refused|refusing|accepts?|accepted|accepting|takes?|took|taking|entering|typing|trying|put|gave|giving|saved|saving)\s+["“'‘]?([^\s"”'’]{4,64}?)["”'’]?\s+as\s+(?:my|the|a|our)|["“'‘]?([^\s"”'’]{4,64}?)["”'’]?\s+(?:is|was)\s+(?:my|the))\s+(?:new\s+|old\s+|current\s+)?(?:password|passwort|pw|pwd|passcode|passphrase)(?![\p{L}])/gu;

export const passwordRecognizer: Recognizer = {
  id: ID,
  types: ['PASSWORD'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    if (
      !/pas|pw|pin|log|sign|connect|conect|meld|creds|credential|secret|kennwort|contrase|clave|mdp|senha|wachtwoord|parola|code|zugang|memorable|security|has[łl]|heslo|senord|passord|adgangs|salasana|ifre|strong enough|secure enough|reset|changed it/.test(
        lower,
      )
    )
      return out;
    PATTERN.lastIndex = 0;
    for (let m = PATTERN.exec(lower); m !== null; m = PATTERN.exec(lower)) {
      const at = m.index + m[0].length;
      if (m[0].includes('   ')) continue;
      const dictated = readDictated(lower, at);
      if (dictated > at && !out.some((f) => f.start < dictated && at < f.end)) {
        out.push(makeFinding('PASSWORD', text, at, dictated, 0.9, ID, ['dictated']));
        PATTERN.lastIndex = Math.max(PATTERN.lastIndex, dictated);
        continue;
      }
      const hit = readValue(text, lower, at);
      if (!hit) continue;
      const { start, end, value, quoted } = hit;
      if (out.some((f) => f.start < end && start < f.end)) continue;
      const isPin = /^pin|geheimzahl|code\s+pin/.test(m[0]);
      let score: number;
      if (quoted || /[\d\W_]/u.test(value) || /[a-z]/.test(value) === /[A-Z]/.test(value)) score = 0.92;
      else score = 0.72;
      if (isPin && !/\d/.test(value)) continue;
      // "password reset to default", "set it to blank": a plain word after a reset is a setting, not a secret
      if (/(?:set|changed|reset|updated|change)\s+(?:it\s+)?to\s*$/.test(m[0]) && !quoted && score < 0.9)
        continue;
      const cueWord = /^[^\s:=]+/.exec(m[0])?.[0] ?? '';
      let e = end;
      PAIR.lastIndex = end;
      const pair = /^log|^sign|^cred/.test(m[0]) ? PAIR.exec(lower) : null;
      if (pair?.[1] && !STOP.has(pair[1])) {
        e = trimEnd(text, end + pair[0].length);
        score = 0.92;
      }
      if (score < 0.9 && WEAK_CUE.test(cueWord)) continue;
      out.push(makeFinding('PASSWORD', text, start, e, score, ID, [m[0].trim().split(/\s+/)[0]!]));
      PATTERN.lastIndex = Math.max(PATTERN.lastIndex, e);
    }
    alternatives(text, lower, out);
    valueFirst(text, lower, out);
    if (CREDENTIAL_TALK.test(lower)) pronounSecrets(text, lower, out);
    mixedCaseAfterCue(text, lower, out);
    if (/log|sign|connect|conect|meld/.test(lower)) loggedInWith(text, lower, out);
    return out;
  },
};

/** "it was Tigger#2015 or tigger2015": a second guess right after a password, shaped like one. */
const ALTERNATIVE = new RegExp(
  `[ \\t]*(?:,|/|,?[ \\t]+(?:or|maybe|perhaps|oder|o|ou|of|oppure))[ \\t]+(?:(?:maybe|perhaps|possibly|just)[ \\t]+)?(?=${SECRET_SHAPE})`,
  'uy',
);

function alternatives(text: string, lower: string, out: Finding[]): void {
  for (let i = 0; i < out.length && i < 8; i++) {
    ALTERNATIVE.lastIndex = out[i]!.end;
    const m = ALTERNATIVE.exec(lower);
    if (!m) continue;
    const hit = readValue(text, lower, out[i]!.end + m[0].length);
    if (!hit || /@|^https?:|^www\./.test(hit.value)) continue;
    if (out.some((f) => f.start < hit.end && hit.start < f.end)) continue;
    out.push(makeFinding('PASSWORD', text, hit.start, hit.end, 0.88, ID, ['alternative']));
  }
}

/** A message about logging in, a reset or a password's strength: "it" and "one" may stand for the password. */
const CREDENTIAL_TALK =
  /pass|pw|log-?\s?in|sign-?\s?in|credential|hack|strong enough|secure enough|reset|locked out|account/;
/**
 * The password named by a pronoun or by trying it: "I reset it to Umhlanga#2019", "then reset to X", "just changed it to
 * Bibimbap!2024", "tried Szczebrzeszyn2! and the old one Wrocław2023". Only in a message about credentials,
 * and only values shaped like a secret: letters with digits or symbols, six characters or more.
 */
const PRONOUN_SECRET = new RegExp(
  `${B}(?:(?:set|changed|reset|updated|change|switched)\\s+(?:it\\s+)?(?:back\\s+)?to|(?:tried|typed|entered|tried\\s+both)|(?:the\\s+)?(?:old|new|previous|other|current|usual)\\s+one(?:\\s+(?:is|was|=|:))?)\\s+["“'‘]?(?=${SECRET_SHAPE})`,
  'gu',
);

function pronounSecrets(text: string, lower: string, out: Finding[]): void {
  PRONOUN_SECRET.lastIndex = 0;
  for (let m = PRONOUN_SECRET.exec(lower); m !== null; m = PRONOUN_SECRET.exec(lower)) {
    const hit = readValue(text, lower, m.index + m[0].length);
    if (!hit) continue;
    const v = hit.value;
    // an email, a web address, a date, an amount or an id in capitals is what it says, not a secret
    if (/@|^https?:|^www\.|^\d[\d/.:-]*[a-z]{0,2}$|^[A-Z0-9-]+$|^[$€£₹]/.test(v) || !/\p{Ll}/u.test(v))
      continue;
    if (out.some((f) => f.start < hit.end && hit.start < f.end)) continue;
    out.push(makeFinding('PASSWORD', text, hit.start, hit.end, 0.85, ID, ['pronoun-secret']));
  }
}

function valueFirst(text: string, lower: string, out: Finding[]): void {
  if (!/ as | is | was /.test(lower)) return;
  NAMED_AFTER.lastIndex = 0;
  for (let m = NAMED_AFTER.exec(lower); m !== null; m = NAMED_AFTER.exec(lower)) {
    const value = m[1] ?? m[2];
    if (!value || STOP.has(value)) continue;
    const start = m.index + m[0].indexOf(value);
    const end = start + value.length;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    out.push(makeFinding('PASSWORD', text, start, end, 0.85, ID, ['value-then-cue']));
  }
}

/**
 * "Zugangspasswort thuJLyfYC", "pwd cqWYwWqTnY": letters only, so the lowercase shape test above cannot see
 * it, but a lowercase letter followed by a capital inside one long token is how generated secrets look,
 * not words ("Thursday", "MONKEY") or names.
 */
const BARE_THEN_TOKEN = new RegExp(`${B}(?:${BARE_CUE})${E}[ \\t]*(?:(?:->|=>|[:=-])[ \\t]*)?`, 'gu');
/** Two case turns at least: brands and names ("McDonalds", "PlayStation", "iPhone") have one. */
const MIXED_CASE_SECRET = /^(?=(?:[A-Za-z]*?[a-z][A-Z]){2})[A-Za-z]{8,64}$/;

function mixedCaseAfterCue(text: string, lower: string, out: Finding[]): void {
  BARE_THEN_TOKEN.lastIndex = 0;
  for (let m = BARE_THEN_TOKEN.exec(lower); m !== null; m = BARE_THEN_TOKEN.exec(lower)) {
    const at = m.index + m[0].length;
    // "pass" alone is an everyday word ("I'll pass"); the other cues name a secret
    if (m[0].includes('   ') || /^pass[^a-z]*$/.test(m[0].trim())) continue;
    const hit = readValue(text, lower, at);
    if (!hit || hit.quoted || !MIXED_CASE_SECRET.test(hit.value) || isCommonWord(hit.value.toLowerCase()))
      continue;
    if (out.some((f) => f.start < hit.end && hit.start < f.end)) continue;
    out.push(makeFinding('PASSWORD', text, hit.start, hit.end, 0.9, ID, ['cue-mixed-case']));
  }
}

function loggedInWith(text: string, lower: string, out: Finding[]): void {
  LOGGED_IN_WITH.lastIndex = 0;
  for (let m = LOGGED_IN_WITH.exec(lower); m !== null; m = LOGGED_IN_WITH.exec(lower)) {
    const hit = readValue(text, lower, m.index + m[0].length);
    if (!hit || hit.quoted) continue;
    const v = lower.slice(hit.start, hit.end);
    // an email, a provider, a dictionary word or a short token is how, not what
    if (v.length < 6 || v.includes('@') || LOGIN_PROVIDERS.test(v) || isCommonWord(v)) continue;
    if (!/^[\p{L}\p{N}!#$%^&*_+=?~.-]+$/u.test(v)) continue;
    if (out.some((f) => f.start < hit.end && hit.start < f.end)) continue;
    out.push(makeFinding('PASSWORD', text, hit.start, hit.end, 0.8, ID, ['logged-in-with']));
  }
}

/**
 * A password read aloud to voice-to-text: "capital p purple monkey dishwasher seven all one word". Words
 * up to a closing "all one word" / "no spaces", or, when it opens with a spoken case marker ("capital
 * p", "uppercase k"), up to the end of the clause. Returns the value's end, or -1.
 */
const DICTATED_CLOSED =
  /((?:[^\s]+[ \t]+){1,10}?)(?:(?:all|it['’]s|its|as)[ \t]+)?(?:one[ \t]+word|no[ \t]+spaces?|all[ \t]+(?:lower[ \t-]?case|caps|together))(?![\p{L}])/uy;
const DICTATED_OPEN =
  /(?:capital|uppercase|upper[ \t]+case|lowercase|lower[ \t]+case|small)[ \t]+[a-z](?:[ \t]+[^\s.,;!?]+){0,8}/uy;

function readDictated(lower: string, at: number): number {
  // "password is not working, it's one word": a complaint, not a value
  if (STOP.has(/^[^\s,.;:!?]*/.exec(lower.slice(at, at + 24))![0])) return -1;
  DICTATED_CLOSED.lastIndex = at;
  const closed = DICTATED_CLOSED.exec(lower);
  if (closed && !closed[1]!.includes('\n')) return at + closed[1]!.trimEnd().length;
  DICTATED_OPEN.lastIndex = at;
  const open = DICTATED_OPEN.exec(lower);
  return open ? at + open[0].length : -1;
}

function trimEnd(text: string, end: number): number {
  const t = TRAIL.exec(text.slice(Math.max(0, end - 8), end));
  return t ? end - t[0].length : end;
}

function readValue(
  text: string,
  lower: string,
  at: number,
): { start: number; end: number; value: string; quoted: boolean } | null {
  QUOTED.lastIndex = at;
  const q = QUOTED.exec(text);
  if (q) return { start: at + 1, end: at + 1 + q[1]!.length, value: q[1]!, quoted: true };
  TOKEN.lastIndex = at;
  const t = TOKEN.exec(text);
  if (!t) return null;
  const end = trimEnd(text, at + t[0].length);
  if (end <= at) return null;
  const value = text.slice(at, end);
  const low = lower.slice(at, end);
  if (STOP.has(low)) return null;
  // "my password was changed", "password is expiring": participles and gerunds describe, not disclose.
  if (/^[a-zà-ÿ]+$/.test(low) && /(?:ed|ing|ly)$/.test(low) && low.length > 4 && value === low) return null;
  return { start: at, end, value, quoted: false };
}
