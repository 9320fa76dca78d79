import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const verificationCodeRecognizer: Recognizer = {
  id: 'verification-code',
  types: [],
  detect: () => [],
};
