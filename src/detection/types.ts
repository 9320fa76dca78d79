import type { EntityType } from '../core/entities.js';
import type { Finding } from '../core/finding.js';

/** What a recognizer gets: the text and its lowercase copy (same offsets), computed once per message. */
export interface ScanInput {
  readonly text: string;
  readonly lower: string;
}

/** A recognizer finds one or a few entity types. Pure, synchronous, no I/O; one per file in recognizers/. */
export interface Recognizer {
  readonly id: string;
  readonly types: readonly EntityType[];
  detect(input: ScanInput): Finding[];
}

/** A span agents need to read (order number, tracking number, price…): findings inside one are dropped. */
export interface KeepSpan {
  kind: string;
  start: number;
  end: number;
}

export interface Detector {
  detect(text: string): Finding[];
  readonly recognizers: readonly Recognizer[];
}
