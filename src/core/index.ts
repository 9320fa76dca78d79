export * from './account.js';
export * from './entities.js';
export * from './errors.js';
export * from './finding.js';
export * from './verdict.js';
export * from './verification.js';
