import type { MaskOperator } from '../types.js';

/** `[REDACTED SSN]`: the value is removed; nothing links two occurrences. */
export const redact: MaskOperator = ({ label }) => `[REDACTED ${label}]`;
