export type { ClaimDigest, RecordMatch, TypedValue } from './claims.js';
export { CLAIM_TYPES, digestClaims, matchRecord, qualifies } from './claims.js';
export { codeReply } from './code.js';
export { MAX_CODES_PER_CONVERSATION, transition } from './machine.js';
export {
  contactOnFile,
  flagsOf,
  initialState,
  lookupIds,
  mayDisclose,
  requiredLevel,
  stepUpTarget,
} from './state.js';
export type * from './types.js';
export { agentView } from './view.js';
