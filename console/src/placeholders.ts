/**
 * Masked text as segments: plain text, and the placeholders Veil put where PII was. The console shows
 * placeholders as chips naming the type, so an agent never mistakes one for a value.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | {
      kind: 'placeholder';
      /** exactly as in the text, e.g. `[EMAIL_1]` */
      token: string;
      /** what the chip says, e.g. `EMAIL 1` */
      label: string;
      /** `[LABEL_n]` tokens are the only ones an agent may write back (Veil fills them in). */
      insertable: boolean;
    };

const PATTERN =
  /\[([A-Z][A-Z0-9_]*?)_(\d+)\]|\[REDACTED ([A-Z][A-Z0-9_ ]*)\]|\[([A-Z][A-Z0-9_]*)#([0-9a-f]{4,})\]|\*{4}([A-Za-z0-9]{0,4})(?![A-Za-z0-9])/g;

const words = (label: string): string => label.replace(/_/g, ' ');

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const [token, numLabel, n, redacted, hashLabel, hash, tail] = m;
    if (numLabel !== undefined && n !== undefined) {
      out.push({ kind: 'placeholder', token, label: `${words(numLabel)} ${n}`, insertable: true });
    } else if (redacted !== undefined) {
      out.push({ kind: 'placeholder', token, label: `${words(redacted)} redacted`, insertable: false });
    } else if (hashLabel !== undefined && hash !== undefined) {
      out.push({
        kind: 'placeholder',
        token,
        label: `${words(hashLabel)} #${hash.slice(0, 4)}`,
        insertable: false,
      });
    } else {
      out.push({
        kind: 'placeholder',
        token,
        label: tail ? `masked, ends ${tail}` : 'masked',
        insertable: false,
      });
    }
    last = at + token.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The placeholders the customer's own messages produced, in first-seen order, without repeats. */
export function insertablePlaceholders(texts: Iterable<string>): { token: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const t of texts)
    for (const s of segments(t))
      if (s.kind === 'placeholder' && s.insertable && !seen.has(s.token)) seen.set(s.token, s.label);
  return [...seen].map(([token, label]) => ({ token, label }));
}
