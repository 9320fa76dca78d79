import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const ibanRecognizer: Recognizer = {
  id: 'iban',
  types: [],
  detect: () => [],
};
