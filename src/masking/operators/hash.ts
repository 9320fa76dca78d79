import { createHmac } from 'node:crypto';
import { type MaskOperator, valueKey } from '../types.js';

/** `[EMAIL#3f9a1c0e]`: keyed HMAC-SHA256, stable across conversations for the same key, not reversible. */
export const hash: MaskOperator = ({ finding, label, secret }) => {
  const digest = createHmac('sha256', secret).update(valueKey(finding.type, finding.value)).digest('hex');
  return `[${label}#${digest.slice(0, 10)}]`;
};
