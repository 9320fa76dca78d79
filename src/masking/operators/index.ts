import type { MaskAction } from '../../policy/schema.js';
import type { MaskOperator } from '../types.js';
import { hash } from './hash.js';
import { keep } from './keep.js';
import { partial } from './partial.js';
import { placeholder } from './placeholder.js';
import { redact } from './redact.js';

export const operators: Record<Exclude<MaskAction, 'drop-message'>, MaskOperator> = {
  placeholder,
  partial,
  redact,
  hash,
  keep,
};
