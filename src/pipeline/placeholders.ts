import type { TokenMap } from '../masking/types.js';

/** A placeholder an agent may write: the masking engine's `[LABEL_n]` form. */
const PLACEHOLDER = /\[([A-Z][A-Z0-9_]*?)_(\d+)\]/g;

export interface FilledText {
  /** The text the customer will receive: placeholders replaced by the values the customer typed. */
  text: string;
  /** Placeholders that were filled, in order. */
  used: string[];
  /** Placeholders that name no value of this conversation: the message must be rejected. */
  unknown: string[];
}

/**
 * Agents write `I'll send the label to [EMAIL_1]`; the customer receives the value they gave in this
 * conversation. Only this conversation's token map is consulted, so a placeholder can never carry a
 * value from elsewhere (another conversation, or on-file data).
 */
export function fillPlaceholders(text: string, tokens: TokenMap): FilledText {
  const used: string[] = [];
  const unknown: string[] = [];
  const filled = text.replace(PLACEHOLDER, (token) => {
    const entry = tokens.values[token];
    if (!entry) {
      unknown.push(token);
      return token;
    }
    used.push(token);
    return entry.value;
  });
  return { text: filled, used, unknown };
}
