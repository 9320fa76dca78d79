import { readFileSync } from 'node:fs';
import type { Finding } from '../../../src/core/finding.js';
import { createDetector } from '../../../src/detection/engine.js';
import { builtinRecognizers } from '../../../src/detection/registry.js';
import { parsePolicy } from '../../../src/policy/loader.js';

/** The structured-data recognizers only, so these tests do not move when PERSON/ADDRESS change. */
export const structuredRecognizers = builtinRecognizers().filter(
  (r) => r.id !== 'person' && r.id !== 'address',
);

const policy = parsePolicy(
  readFileSync(new URL('../../../policies/default.yaml', import.meta.url), 'utf8'),
).policy;
const detector = createDetector(policy, { recognizers: structuredRecognizers });

/** What the engine masks (default policy: threshold, keep spans, merge), as `TYPE:value` strings. */
export function masked(text: string): string[] {
  return detector.detect(text).map((f: Finding) => `${f.type}:${f.value}`);
}

/** Values of one type the engine masks. */
export function maskedOf(text: string, type: string): string[] {
  return detector
    .detect(text)
    .filter((f) => f.type === type)
    .map((f) => f.value);
}

/** The full engine with the default policy. */
export const fullDetector = createDetector(policy);

/** Values of one type the full engine masks (all recognizers, default policy): held-out tests use it. */
export function found(text: string, type: string): string[] {
  return fullDetector
    .detect(text)
    .filter((f) => f.type === type)
    .map((f) => f.value);
}

/** Offsets and value agree for every finding a recognizer returns: the engine and masker rely on it. */
export function offsetsConsistent(text: string): boolean {
  return structuredRecognizers.every((r) =>
    r
      .detect({ text, lower: text.toLowerCase() })
      .every(
        (f) =>
          f.value === text.slice(f.start, f.end) && f.score >= 0 && f.score <= 1 && f.recognizer === r.id,
      ),
  );
}
