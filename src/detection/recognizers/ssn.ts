import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const ssnRecognizer: Recognizer = {
  id: 'ssn',
  types: [],
  detect: () => [],
};
