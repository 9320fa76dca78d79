import type { Recognizer } from '../types.js';

// TODO(owner: detection helper): real implementation replaces this placeholder.
export const driverLicenseRecognizer: Recognizer = {
  id: 'driver-license',
  types: [],
  detect: () => [],
};
