export { buildContext, type GuardContext, requiredFor } from './context.js';
export { analyzeCustomerTurn } from './customer-turn.js';
export { activeRules, evaluate, GUARD_ERROR_RULE } from './evaluate.js';
export type { CustomerTurn, CustomerValue, GuardInput, GuardRule, Violation } from './types.js';
