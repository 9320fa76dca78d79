import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const passportRecognizer: Recognizer = {
  id: 'passport',
  types: [],
  detect: () => [],
};
