import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const creditCardRecognizer: Recognizer = {
  id: 'credit-card',
  types: [],
  detect: () => [],
};
