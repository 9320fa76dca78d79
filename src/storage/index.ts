export { createCipher, type Cipher, MIN_SECRET_LENGTH } from './crypto.js';
export { isStorageError, StorageError, type StorageErrorReason } from './errors.js';
export { openMemoryStores, type MemoryStoresOptions } from './memory/index.js';
export * from './ports.js';
export { openSqliteStores, type SqliteStoresOptions } from './sqlite/index.js';
export { createStateStore, type StateStoreOptions } from './state.js';
export { openStoresFromEnv } from './config.js';
export { type OpenStoresOptions, openStores, type StorageEnv, storageEnv } from './open.js';
