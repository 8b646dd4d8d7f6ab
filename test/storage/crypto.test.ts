import { CryptoError, dataKey, keyId, open, peekEnvelope, seal } from '../../src/storage/crypto';
import { newKey } from './fixtures';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof CryptoError ? e.code : 'not-a-crypto-error';
  }
  return undefined;
};

describe('crypto envelope', () => {
  it('opens what it sealed, with a fresh iv on every write', () => {
    const k = newKey();
    const a = seal(k, 'session:1', 'hello');
    const b = seal(k, 'session:1', 'hello');
    expect(open(k, 'session:1', a).toString('utf8')).toBe('hello');
    expect(peekEnvelope(a)?.iv).not.toBe(peekEnvelope(b)?.iv);
    expect(peekEnvelope(a)).toMatchObject({ v: 1, alg: 'A256GCM', kid: k.kid });
  });

  it('refuses a ciphertext opened for another context', () => {
    const k = newKey();
    expect(codeOf(() => open(k, 'session:2', seal(k, 'session:1', 'x')))).toBe('DECRYPT_FAILED');
  });

  it('reports a different key as a key mismatch, not as damage', () => {
    expect(codeOf(() => open(newKey(), 'c', seal(newKey(), 'c', 'x')))).toBe('KEY_MISMATCH');
  });

  it('detects a changed ciphertext byte, a changed tag and a non-envelope', () => {
    const k = newKey();
    const env = JSON.parse(seal(k, 'c', 'some longer plaintext')) as Record<string, string>;
    const data = Buffer.from(env['data'] as string, 'base64');
    data[0] = (data[0] as number) ^ 1;
    expect(codeOf(() => open(k, 'c', JSON.stringify({ ...env, data: data.toString('base64') })))).toBe('DECRYPT_FAILED');
    const tag = Buffer.from(env['tag'] as string, 'base64');
    tag[3] = (tag[3] as number) ^ 0x80;
    expect(codeOf(() => open(k, 'c', JSON.stringify({ ...env, tag: tag.toString('base64') })))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => open(k, 'c', 'garbage'))).toBe('BAD_ENVELOPE');
    expect(codeOf(() => open(k, 'c', JSON.stringify({ ...env, v: 2 })))).toBe('BAD_ENVELOPE');
  });

  it('accepts only 32-byte keys and derives a stable 8-hex key id', () => {
    expect(codeOf(() => dataKey(Buffer.alloc(16)))).toBe('BAD_KEY');
    const raw = Buffer.alloc(32, 7);
    expect(keyId(raw)).toMatch(/^[0-9a-f]{8}$/);
    expect(dataKey(raw).kid).toBe(keyId(Buffer.alloc(32, 7)));
  });
});
