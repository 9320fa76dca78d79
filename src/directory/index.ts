export { createHttpDirectory, type HttpDirectoryOptions } from './http.js';
export {
  type JsonDirectory,
  type JsonDirectoryOptions,
  openJsonDirectory,
  parseDirectoryFile,
} from './json-file.js';
export { findCandidates, matchScore } from './match.js';
export { cardLast4, nameTokens, namesMatch, normalizeEmail, phoneDigits, phonesMatch } from './normalize.js';
export { type CandidateQuery, type Directory, DirectoryError, type DirectoryErrorReason } from './port.js';
export { AccountRecordSchema, DirectoryFileSchema } from './schema.js';
export { openDirectoryFromEnv } from './config.js';
