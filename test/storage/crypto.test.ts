import { describe, expect, it } from 'vitest';
import { createCipher } from '../../src/storage/crypto.js';

const secret = 'a-long-enough-veil-secret';

describe('createCipher', () => {
  it('round-trips text, with a fresh IV every time', () => {
    const c = createCipher(secret);
    const a = c.encrypt('jane.doe@example.com ✓', 'c1');
    const b = c.encrypt('jane.doe@example.com ✓', 'c1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('jane');
    expect(c.decrypt(a, 'c1')).toBe('jane.doe@example.com ✓');
    expect(createCipher(secret).decrypt(b, 'c1')).toBe('jane.doe@example.com ✓');
  });

  it('says so clearly when the key is wrong', () => {
    const token = createCipher(secret).encrypt('x');
    expect(() => createCipher('another-long-veil-secret').decrypt(token)).toThrow(
      expect.objectContaining({
        reason: 'wrong-key',
        code: 'storage_wrong_key',
        message: expect.stringMatching(/VEIL_SECRET/),
      }),
    );
  });

  it('detects a modified ciphertext', () => {
    const c = createCipher(secret);
    const token = c.encrypt('the token map');
    const [v, kid, payload] = token.split('.') as [string, string, string];
    const raw = Buffer.from(payload, 'base64url');
    raw[raw.length - 1]! ^= 0x01;
    expect(() => c.decrypt(`${v}.${kid}.${raw.toString('base64url')}`)).toThrow(
      expect.objectContaining({ reason: 'tampered' }),
    );
  });

  it('detects a ciphertext moved to another owner', () => {
    const c = createCipher(secret);
    expect(() => c.decrypt(c.encrypt('doc', 'conversation-a'), 'conversation-b')).toThrow(
      expect.objectContaining({ reason: 'tampered' }),
    );
  });

  it('rejects malformed and truncated values', () => {
    const c = createCipher(secret);
    expect(() => c.decrypt('{"plain":"json"}')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => c.decrypt(`v1.${c.keyId}.AAAA`)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('refuses a short secret, naming the variable', () => {
    expect(() => createCipher('short')).toThrow(
      expect.objectContaining({ code: 'invalid_config', field: 'VEIL_SECRET' }),
    );
  });
});
