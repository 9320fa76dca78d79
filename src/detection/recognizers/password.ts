import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const passwordRecognizer: Recognizer = {
  id: 'password',
  types: [],
  detect: () => [],
};
