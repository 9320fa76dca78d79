/**
 * "cue … value" extraction shared by the identifier recognizers (passport, licence, bank account):
 * after a cue, skip connective words ("number", "is", ":", "no.", "ist", "es", "est"…) and read the
 * value at that position with a sticky regex. Brackets and quotes are skipped too: "(F255-921-50)",
 * "id (passport) X1234567".
 */
const FILLER =
  /(?:[\s:=#>\u2013\u2014()[\]["'“‘«»”’：（）-]+|[.,?](?=[\s:=#])|(?:it['’]s|its|it\s+is|is|was|are|reads|says|shows|ending(?:\s+in)?|ends\s+in|no|nr|nbr|nro|num|number|numbers|nummer|número|numero|numéro|ist|lautet|es|est|el|la|le|de|du|my|mein|meine|mi|mon|ma|the|of|me|mine|n°|nº|n\.[º°o]|no\.|nr\.|id)(?![\p{L}\p{N}])\.?)*/uy;

export function skipFiller(lower: string, pos: number, maxSkip = 32): number {
  FILLER.lastIndex = pos;
  const m = FILLER.exec(lower);
  const next = m ? pos + m[0].length : pos;
  // Three spaces are text the engine blanked after masking it: the value that was here is gone.
  return next - pos > maxSkip || m?.[0].includes('   ') ? -1 : next;
}

/** Reads `re` (sticky) at `pos`; returns the match end or -1. */
export function readAt(re: RegExp, lower: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(lower);
}

/**
 * "update the passport, new one is 548213907", "SSN last four only? no here is the full one 612…": the
 * value is named by "one" a few words after its cue; "my SIN, is that safe? it's 046…": by "it's" after a
 * question or a clause break. Returns where the value starts, or -1.
 */
const ANAPHORA =
  /[^\n]{0,60}?(?:(?<![\p{L}\p{N}])(?:new|full|whole|correct|right|actual|real|updated|other|current|complete|proper)\s+(?:one|number|no\.?)\s*(?:is|was|=|:|'s|’s|would\s+be)?|(?<=[?!,;]\s{0,2})(?:it['’]s|its|it\s+is|here\s+it\s+is))\s*:?\s*/uy;

export function anaphoricValueAt(lower: string, pos: number): number {
  ANAPHORA.lastIndex = pos;
  const m = ANAPHORA.exec(lower);
  if (!m || m[0].includes('   ')) return -1;
  return pos + m[0].length;
}
