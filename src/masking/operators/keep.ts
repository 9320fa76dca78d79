import type { MaskOperator } from '../types.js';

/** Leaves the value as typed (a policy decided agents need it). */
export const keep: MaskOperator = ({ finding }) => finding.value;
