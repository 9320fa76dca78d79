/** Replaces PII in one string; the pipeline supplies detector + masker bound to the conversation. */
export type MaskString = (s: string) => string;

/** Deeper JSON than any real activity has is replaced rather than walked: a stack overflow must not be the way it fails. */
export const MAX_DEPTH = 64;
export const TOO_DEEP = '[removed: nested too deeply]';

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Numbers can be PII too (an Input.Number holding a phone number); they stay numbers unless the mask changes them. */
function maskScalar(v: unknown, mask: MaskString): unknown {
  if (typeof v === 'string') return mask(v);
  if (typeof v === 'number' && Number.isFinite(v)) {
    const text = String(v);
    const masked = mask(text);
    return masked === text ? v : masked;
  }
  return v;
}

export interface DeepOptions {
  /** keys whose string values are identifiers, never shown as content */
  skipKeys?: ReadonlySet<string>;
  /** free-form data may use PII as keys (`{"jane@x.com": true}`) */
  maskKeys?: boolean;
}

/** Every string (and number) anywhere in `value` goes through `mask`. Builds new objects; the input is untouched. */
export function maskDeep(value: unknown, mask: MaskString, options: DeepOptions = {}, depth = 0): unknown {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask, options, depth + 1));
  if (!isPlainObject(value)) return maskScalar(value, mask);
  const entries: Array<[string, unknown]> = [];
  const used = new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    const keep = options.skipKeys?.has(key) === true && typeof v === 'string';
    const masked = keep ? v : maskDeep(v, mask, options, depth + 1);
    entries.push([uniqueKey(options.maskKeys ? mask(key) : key, used), masked]);
  }
  // fromEntries defines own properties, so a `__proto__` key from JSON stays data and never becomes a prototype.
  return Object.fromEntries(entries);
}

/** Two keys masked to the same placeholder must not overwrite each other's values. */
function uniqueKey(key: string, used: Set<string>): string {
  let candidate = key;
  for (let n = 2; used.has(candidate); n++) candidate = `${key} (${n})`;
  used.add(candidate);
  return candidate;
}

/**
 * Card schema keys whose string values are structure, not displayed content (Adaptive Card enums and ids,
 * card action types). Everything else in a card is treated as content and masked: fail closed.
 */
const CARD_STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'type',
  'version',
  '$schema',
  'id',
  'style',
  'size',
  'weight',
  'color',
  'spacing',
  'horizontalAlignment',
  'verticalAlignment',
  'height',
  'width',
  'minHeight',
  'fontType',
  'imageSize',
  'mode',
  'associatedInputs',
  'verb',
  'contentType',
  'lang',
]);

/** Submit payloads are the customer's own data: every string, whatever its key. */
const CARD_DATA_KEYS: ReadonlySet<string> = new Set(['data', 'value']);

/**
 * Walks card JSON (Adaptive, hero, thumbnail, receipt, sign-in… cards) masking every displayed string:
 * TextBlock text, RichTextBlock inlines, FactSet facts, Input labels/placeholders/values/choices, action
 * titles and data, nested containers/columns/items, button text. Keys are schema names and stay as they are.
 */
export function maskCard(value: unknown, mask: MaskString, depth = 0): unknown {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((v) => maskCard(v, mask, depth + 1));
  if (!isPlainObject(value)) return maskScalar(value, mask);
  const entries: Array<[string, unknown]> = [];
  for (const [key, v] of Object.entries(value)) {
    if (CARD_STRUCTURAL_KEYS.has(key) && typeof v === 'string') entries.push([key, v]);
    else if (CARD_DATA_KEYS.has(key)) entries.push([key, maskDeep(v, mask, { maskKeys: true }, depth + 1)]);
    else entries.push([key, maskCard(v, mask, depth + 1)]);
  }
  return Object.fromEntries(entries);
}
