import type { KeepSpan, ScanInput } from './types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export function findKeepSpans(_input: ScanInput): KeepSpan[] {
  return [];
}
