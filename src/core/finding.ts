import type { EntityType } from './entities.js';

/**
 * One piece of PII found in a text. Offsets are UTF-16 code units into the scanned text, end exclusive.
 * `recognizer` and `score` record why it fired; `reasons` may list context words that moved the score.
 */
export interface Finding {
  type: EntityType;
  start: number;
  end: number;
  score: number;
  recognizer: string;
  /** The matched text; always text.slice(start, end). */
  value: string;
  reasons?: string[];
}

export const findingLength = (f: Finding): number => f.end - f.start;

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  Math.min(a.end, b.end) > Math.max(a.start, b.start);
