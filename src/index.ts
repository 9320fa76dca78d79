/** Veil's library API: pure, I/O-free detection and masking. */
export * from './core/index.js';
export { createDetector, type DetectorOptions } from './detection/engine.js';
export type { Detector, Recognizer, ScanInput } from './detection/types.js';
export { maskText, type MaskOptions } from './masking/engine.js';
export { emptyTokenMap, type MaskResult, type TokenMap } from './masking/types.js';
export { loadPolicyFile, parsePolicy } from './policy/loader.js';
export { type LoadedPolicy, type Policy, PolicySchema } from './policy/schema.js';
