/**
 * Context scoring shared by recognizers: words near a match raise or lower its confidence.
 * Windows are measured in characters on the lowercase text, before (and optionally after) the match.
 */
export interface ContextWords {
  /** Words or phrases that make the match more likely to be this type. */
  positive?: readonly RegExp[];
  /** Words or phrases that make it less likely (e.g. "order", "tracking" near a number). */
  negative?: readonly RegExp[];
  before?: number;
  after?: number;
}

export interface ContextResult {
  positive: string | undefined;
  negative: string | undefined;
}

export function contextAround(lower: string, start: number, end: number, words: ContextWords): ContextResult {
  const before = lower.slice(Math.max(0, start - (words.before ?? 40)), start);
  const after = lower.slice(end, end + (words.after ?? 20));
  const find = (res: readonly RegExp[] | undefined): string | undefined => {
    if (!res) return undefined;
    for (const re of res) {
      const m = searchFrom0(re, before) ?? searchFrom0(re, after);
      if (m) return m[0];
    }
    return undefined;
  };
  return { positive: find(words.positive), negative: find(words.negative) };
}

/** A shared global or sticky regex carries lastIndex between calls; every search here starts at 0. */
function searchFrom0(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * Runs a regex over text and returns every match (resets lastIndex; safe to share the regex). A regex
 * without the g flag would match at the same place forever, so a global copy is used instead.
 */
export function matchAll(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  re.lastIndex = 0;
  let m = re.exec(text);
  // Most patterns find nothing in most messages: answer those without allocating (this runs for every
  // cue of every recognizer on every string of every activity, so a generator per call added up).
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  for (; m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}
