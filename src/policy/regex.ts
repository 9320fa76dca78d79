/**
 * Checks on regular expressions written by compliance officers. A custom pattern runs on every customer
 * and agent message, so one that can backtrack catastrophically would stall the proxy: such shapes are
 * refused at load, before the pattern ever runs.
 */

export const MAX_REGEX_LENGTH = 300;
/** Flags a policy may set; `g` and `u` are always added by the engine. */
export const REGEX_FLAGS = /^[ims]*$/;

/** Why the pattern is refused, in plain words, or undefined when it is acceptable. */
export function regexProblem(source: string, flags = ''): string | undefined {
  if (source.length === 0) return 'must not be empty';
  if (source.length > MAX_REGEX_LENGTH)
    return `is ${source.length} characters long; the limit is ${MAX_REGEX_LENGTH}. Split it into several patterns`;
  let re: RegExp;
  try {
    re = compileRegex(source, flags);
  } catch (e) {
    const detail = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `is not a valid regular expression (${detail})`;
  }
  const risky = backtrackingRisk(source);
  if (risky) return risky;
  re.lastIndex = 0;
  if (re.test('')) return 'matches empty text; every pattern must match at least one character';
  return undefined;
}

/** The engine's form of a policy pattern: global (every match) and unicode (strict syntax, code points). */
export function compileRegex(source: string, flags = ''): RegExp {
  return new RegExp(source, `${[...new Set(flags)].join('')}gu`);
}

interface Group {
  /** The group contains an unbounded quantifier (`*`, `+`, `{n,}`) somewhere inside. */
  unbounded: boolean;
  /** The group has a top-level alternation. */
  alternation: boolean;
}

/**
 * A cheap structural test for the classic catastrophic shapes: an unbounded quantifier applied to a group
 * that itself contains an unbounded quantifier (`(a+)+`, `(\d+\s?)*`), or to an alternation (`(a|ab)*`),
 * and a back-reference (which disables the engine's linear-time guarantees altogether). It reads the
 * source once, skipping escapes and character classes.
 */
export function backtrackingRisk(source: string): string | undefined {
  const stack: Group[] = [{ unbounded: false, alternation: false }];
  let i = 0;
  /** The group that was just closed, until we see whether a quantifier follows it. */
  let closed: Group | undefined;
  while (i < source.length) {
    const c = source[i]!;
    const quant = quantifierAt(source, i);
    if (quant) {
      if (quant.unbounded) {
        if (closed?.unbounded)
          return 'repeats a group that already repeats (like (a+)+); this can freeze the proxy on long messages. Remove the inner or the outer repetition';
        if (closed?.alternation)
          return 'repeats a group of alternatives (like (a|b)+); this can freeze the proxy on long messages. Use a character class such as [ab]+ instead';
        stack[stack.length - 1]!.unbounded = true;
      }
      if (closed?.unbounded) stack[stack.length - 1]!.unbounded = true;
      closed = undefined;
      i = quant.end;
      // A lazy or possessive marker right after the quantifier belongs to it.
      if (source[i] === '?') i++;
      continue;
    }
    if (closed?.unbounded) stack[stack.length - 1]!.unbounded = true;
    closed = undefined;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))
        return 'uses a back-reference; patterns must not refer back to an earlier group';
      i += 2;
      continue;
    }
    if (c === '[') {
      i = classEnd(source, i);
      continue;
    }
    if (c === '(') {
      stack.push({ unbounded: false, alternation: false });
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: the `?` opens a group kind, it is no quantifier.
      const kind = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)?/.exec(source.slice(i));
      i += kind ? kind[0].length : 1;
      continue;
    }
    if (c === ')') {
      closed = stack.length > 1 ? stack.pop() : undefined;
      i++;
      continue;
    }
    if (c === '|') stack[stack.length - 1]!.alternation = true;
    i++;
  }
  return undefined;
}

function quantifierAt(s: string, i: number): { end: number; unbounded: boolean } | undefined {
  const c = s[i];
  if (c === '*' || c === '+') return { end: i + 1, unbounded: true };
  if (c === '?') return { end: i + 1, unbounded: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
    if (!m) return undefined;
    // A large bounded repeat backtracks as badly as an unbounded one.
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    return { end: i + m[0].length, unbounded: max > 10 };
  }
  return undefined;
}

/** Index just past the character class starting at `i` (`[...]`, with escapes and a leading `]`). */
function classEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === '^') j++;
  if (s[j] === ']') j++;
  while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}
