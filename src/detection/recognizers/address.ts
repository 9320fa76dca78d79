import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const addressRecognizer: Recognizer = {
  id: 'address',
  types: [],
  detect: () => [],
};
