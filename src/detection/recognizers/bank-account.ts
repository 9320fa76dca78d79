import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const bankAccountRecognizer: Recognizer = {
  id: 'bank-account',
  types: [],
  detect: () => [],
};
