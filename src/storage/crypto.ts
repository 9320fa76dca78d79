import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { errors } from '../core/errors.js';
import { StorageError } from './errors.js';

/** Below this a secret is guessable enough that encryption at rest would be theatre. */
export const MIN_SECRET_LENGTH = 16;

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A fixed salt is fine for HKDF with a high-entropy server secret; it only separates Veil's keys from others.
const SALT = Buffer.from('veil/storage');

/**
 * Authenticated encryption for values at rest. `aad` binds a ciphertext to its owner (e.g. the conversation
 * id) so a row copied onto another id fails to decrypt instead of leaking into the wrong conversation.
 */
export interface Cipher {
  /** Short fingerprint of the key, stored with each ciphertext so a wrong key is told apart from tampering. */
  readonly keyId: string;
  encrypt(plaintext: string, aad?: string): string;
  decrypt(token: string, aad?: string): string;
}

export function createCipher(secret: string): Cipher {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw errors.config('VEIL_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const ikm = Buffer.from(secret, 'utf8');
  const key = Buffer.from(hkdfSync('sha256', ikm, SALT, 'veil state encryption v1', 32));
  const keyId = Buffer.from(hkdfSync('sha256', ikm, SALT, 'veil key id v1', 6)).toString('base64url');

  return {
    keyId,
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', key, iv);
      if (aad !== undefined) c.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return `${FORMAT}.${keyId}.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(token, aad) {
      const [format, kid, payload, ...rest] = token.split('.');
      if (format !== FORMAT || kid === undefined || payload === undefined || rest.length > 0) {
        throw new StorageError('malformed', 'stored value is not in a format this Veil can read');
      }
      if (kid !== keyId) {
        throw new StorageError('wrong-key', 'stored data was encrypted with a different VEIL_SECRET', {
          hint: 'start Veil with the VEIL_SECRET the data was written with',
        });
      }
      const raw = Buffer.from(payload, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new StorageError('malformed', 'stored value is truncated');
      try {
        const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        if (aad !== undefined) d.setAAD(Buffer.from(aad, 'utf8'));
        return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
      } catch (cause) {
        throw new StorageError('tampered', 'stored data failed its integrity check (modified or moved)', {
          cause,
        });
      }
    },
  };
}
