import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const ipAddressRecognizer: Recognizer = {
  id: 'ip-address',
  types: [],
  detect: () => [],
};
