import { isCommonWord, isGivenName, isSurname, PARTICLES, STOP_WORDS, TITLE_RE } from './lexicon.js';

/** One word of a candidate name, with what the lexicons say about it. */
export interface NameToken {
  start: number;
  end: number;
  lower: string;
  /** Starts with an uppercase letter. */
  cap: boolean;
  given: boolean;
  surname: boolean;
  /** A dictionary word ("hunter", "rose", "upset"). */
  word: boolean;
  /** Glue such as "van", "de", "bin" inside a name. */
  particle: boolean;
  /** "J." or a lone capital letter. */
  initial: boolean;
}

export interface NameSpan {
  start: number;
  end: number;
  tokens: NameToken[];
  titled: boolean;
  /** "Last, First". */
  commaForm: boolean;
  /** The run ended at punctuation, a line end, a stop word or the end of text, not at the length cap. */
  closed: boolean;
  /** The last word was possessive ("Kevin Liu's"): a name after a cue, but a brand just as often without one. */
  possessive?: boolean;
}

// Letters with combining marks, joined by apostrophes or hyphens: "O'Neill", "Jean-Luc", "Ní", "sigurðsson".
const TOKEN_RE = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/uy;
const BLANKS_RE = /[ \t\u00a0]*/y;
const MAX_NAME_TOKENS = 4;

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

function skipBlanks(text: string, pos: number): number {
  BLANKS_RE.lastIndex = pos;
  BLANKS_RE.exec(text);
  return BLANKS_RE.lastIndex;
}

function tokenAt(text: string, lower: string, pos: number, first: boolean): NameToken | undefined {
  TOKEN_RE.lastIndex = pos;
  const m = TOKEN_RE.exec(text);
  if (!m) return undefined;
  let end = pos + m[0].length;
  const lw = lower.slice(pos, end);
  const cap = isUpper(text.charAt(pos));
  if (end - pos === 1) {
    // Single letters are initials only when written like one; "a" and "i" are words.
    if (text.charAt(end) === '.') {
      end++;
      // Hyphenated initials of a double given name: "H.-P. Müller", "J.-L. Martin".
      if (/^-\p{Lu}\./u.test(text.slice(end, end + 3))) end += 3;
    } else if (!cap || lw === 'i') return undefined;
    return {
      start: pos,
      end,
      lower: lw,
      cap,
      given: false,
      surname: false,
      word: false,
      particle: false,
      initial: true,
    };
  }
  // Abbreviated given names with their dot count as initials: Filipino "Ma." (María), South Asian "Md." and
  // "Mohd." (Mohammad), old English "Wm.", "Chas.", "Thos.", "Jas.", "Geo.".
  if (
    cap &&
    text.charAt(end) === '.' &&
    ABBREVIATED_GIVEN.has(lw) &&
    /^\.[ \t]+\p{Lu}/u.test(text.slice(end, end + 3))
  )
    return {
      start: pos,
      end: end + 1,
      lower: lw,
      cap,
      given: true,
      surname: false,
      word: false,
      particle: false,
      initial: true,
    };
  // "al-Harbi", "el-Sayed", "bin-Laden": an Arabic article joined to a capitalised name is capitalised
  // (only a hyphenated token can be one: most tokens skip the slice and the regex)
  const capital =
    cap ||
    ((lw.includes('-') || lw.includes('‐')) &&
      /^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|abd)[-‐]\p{Lu}/u.test(text.slice(pos, end)));
  const particle = PARTICLES.has(lw) && !(first && cap);
  return {
    start: pos,
    end,
    lower: lw,
    cap: capital,
    given: isGivenName(lw),
    surname: isSurname(lw),
    word: isCommonWord(lw),
    particle,
    initial: false,
  };
}

const ABBREVIATED_GIVEN: ReadonlySet<string> = new Set([
  'ma',
  'md',
  'mohd',
  'muhd',
  'wm',
  'chas',
  'thos',
  'jas',
  'geo',
]);

const HARD_STOPS = new Set([
  'and',
  'or',
  'but',
  'the',
  'a',
  'is',
  'was',
  'my',
  'your',
  'i',
  'to',
  'for',
  'with',
]);

/** Given names that are also short month or day names: "Jun Park", "Mar Ortega", "Sun Li". */
const CALENDAR_GIVEN: ReadonlySet<string> = new Set(['jun', 'mar', 'sun']);

/** A capitalised calendar word that opens a name: a known surname or a capitalised non-word follows, not a date. */
function calendarGivenName(text: string, lower: string, tok: NameToken): boolean {
  if (!tok.cap || !CALENDAR_GIVEN.has(tok.lower) || text.charAt(tok.end) !== ' ') return false;
  const next = tokenAt(text, lower, tok.end + 1, false);
  if (!next?.cap) return false;
  return !next.initial && !STOP_WORDS.has(next.lower) && (next.surname || !next.word);
}

const isStop = (t: NameToken): boolean => !t.particle && !t.initial && STOP_WORDS.has(t.lower);

/**
 * Reads the run of name-like words starting at `pos` (after a cue): an optional title, up to four
 * words with particles and initials, or "Last, First". Stops at punctuation, line ends, digits and
 * stop words; never crosses a newline.
 */
export function readName(
  text: string,
  lower: string,
  pos: number,
  opts: { allowComma: boolean } = { allowComma: true },
): NameSpan | undefined {
  let i = skipBlanks(text, pos);
  const spanStart = i;
  TITLE_RE.lastIndex = i;
  const title = TITLE_RE.exec(lower);
  const titled = title !== null;
  if (title) i += title[0].length;

  const tokens: NameToken[] = [];
  let named = 0;
  let commaForm = false;
  let closed = true;
  let possessive = false;
  for (;;) {
    const tok = tokenAt(text, lower, i, tokens.length === 0);
    // After a particle even a short word is the name's end: "Nguyen Van An", "Ibn Al".
    const afterParticle = tokens.length > 0 && tokens[tokens.length - 1]!.particle;
    if (
      !tok ||
      (isStop(tok) &&
        !(afterParticle && !HARD_STOPS.has(tok.lower)) &&
        !(tokens.length === 0 && calendarGivenName(text, lower, tok)))
    )
      break;
    // A possessive names an owner, not the writer: "this is Amazon's fault", "John's order". But once a
    // name has begun, its possessive last word still belongs to it: "my husband Kevin Liu's phone".
    if (/['’]s$/.test(tok.lower)) {
      const stem = tok.lower.slice(0, -2);
      if (
        named >= 1 &&
        !tokens[tokens.length - 1]!.particle &&
        stem.length >= 2 &&
        tok.cap === tokens[0]!.cap
      ) {
        tokens.push({
          ...tok,
          end: tok.end - 2,
          lower: stem,
          given: isGivenName(stem),
          surname: isSurname(stem),
          word: isCommonWord(stem),
        });
        named++;
        possessive = true;
      }
      break;
    }
    if (!tok.particle && named >= MAX_NAME_TOKENS) {
      closed = false;
      break;
    }
    // A surname may open with its particle: "achternaam is van Dijk", "called de Souza". Only when a
    // capitalised word follows the glue.
    if (tok.particle && tokens.length === 0 && !leadingParticle(text, lower, tok)) return undefined;
    tokens.push(tok);
    if (!tok.particle) named++;
    const j = tok.end;
    const ch = text.charAt(j);
    if (ch === ' ' || ch === '\t' || ch === '\u00a0') {
      i = skipBlanks(text, j);
      continue;
    }
    if (ch === ',' && opts.allowComma && !commaForm && named === 1 && !titled) {
      const k = skipBlanks(text, j + 1);
      const next = tokenAt(text, lower, k, false);
      // "Julien, bonne journée": a capitalised name then lowercase words is a sentence, not "Last, First".
      const caseBreak = tok.cap && next !== undefined && !next.cap && !next.initial;
      if (
        next &&
        !caseBreak &&
        !isStop(next) &&
        !next.particle &&
        !(next.word && !next.given && !next.surname)
      ) {
        commaForm = true;
        i = k;
        continue;
      }
    }
    break;
  }
  while (tokens.length > 0 && tokens[tokens.length - 1]!.particle) tokens.pop();
  if (tokens.length === 0) return undefined;
  if (commaForm) {
    // "Last, First" has one or two words after the comma; anything longer was a list, not a name.
    const afterComma = tokens.length - 1;
    if (afterComma < 1 || afterComma > 2) {
      tokens.length = 1;
      commaForm = false;
    }
  }
  const last = tokens[tokens.length - 1]!;
  return {
    start: titled ? spanStart : tokens[0]!.start,
    end: last.end,
    tokens,
    titled,
    commaForm,
    closed,
    ...(possessive ? { possessive } : {}),
  };
}

const LEADING_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'ter', 'ten', 'vander', 'vanden']);

/** A lowercase particle (or two: "van der") followed by a capitalised name word. */
function leadingParticle(text: string, lower: string, tok: NameToken): boolean {
  // Dutch and German glue only: "de", "da", "di" are also prepositions ("a nombre de José Luis").
  if (tok.cap || !LEADING_PARTICLES.has(tok.lower)) return false;
  let at = skipBlanks(text, tok.end);
  for (let k = 0; k < 2; k++) {
    const next = tokenAt(text, lower, at, false);
    if (!next || at === tok.end) return false;
    if (next.particle && !next.cap) {
      at = skipBlanks(text, next.end);
      continue;
    }
    return next.cap && !next.initial && !STOP_WORDS.has(next.lower);
  }
  return false;
}

/**
 * Drops trailing words that read as the sentence going on rather than the name: lowercase dictionary
 * words after a capitalised name ("Jane will pick it up"), and, unless `keepLowerWords`, any trailing
 * lowercase dictionary word that no name list knows ("my wife jane will pick").
 */
export function tighten(span: NameSpan, keepLowerWords: boolean): NameSpan | undefined {
  const toks = [...span.tokens];
  const anyCap = toks.some((t) => t.cap && !t.initial);
  while (toks.length > 1) {
    const last = toks[toks.length - 1]!;
    if (!last.particle && toks[toks.length - 2]!.particle) break;
    const drop =
      last.particle ||
      (!last.cap &&
        !last.initial &&
        ((anyCap && (last.word || !keepLowerWords)) || (!keepLowerWords && last.word)));
    if (!drop) break;
    toks.pop();
  }
  const last = toks[toks.length - 1];
  if (!last) return undefined;
  if (toks.length === span.tokens.length) return span;
  return {
    ...span,
    tokens: toks,
    end: last.end,
    commaForm: span.commaForm && toks.length > 1,
    closed: false,
  };
}

/** Tokens of a span that carry a name, particles excluded. */
export const nameTokens = (span: NameSpan): NameToken[] => span.tokens.filter((t) => !t.particle);

/** A dictionary word that no name list knows: "upset", "calling", "ridiculous". */
export const isPlainWord = (t: NameToken): boolean => t.word && !t.given && !t.surname && !t.initial;

/**
 * Positive evidence that a token is a name: a known given name or surname (capitalised, or not also a
 * dictionary word), or a capitalised word that no dictionary knows.
 */
export const isNameEvidence = (t: NameToken): boolean =>
  ((t.given || t.surname) && (!t.word || t.cap)) ||
  (!t.given && !t.surname && !t.word && !t.initial && t.cap);
