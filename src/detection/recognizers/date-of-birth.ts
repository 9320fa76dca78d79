import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const dateOfBirthRecognizer: Recognizer = {
  id: 'date-of-birth',
  types: [],
  detect: () => [],
};
