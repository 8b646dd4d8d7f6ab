import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * AES-256-GCM envelope for everything Faro writes to disk.
 *
 * A stored file is one JSON object `{ v, alg, kid, iv, tag, data }` (binary fields in base64):
 * - `iv` is 12 random bytes, fresh for every write;
 * - `kid` names the key (a short hash of it), so a file written under another key is reported as a
 *   key problem (`KEY_MISMATCH`) and not mistaken for a damaged file;
 * - the associated data binds the ciphertext to its header and to a `context` string (the record id
 *   or storage key), so a file copied onto another id fails to decrypt.
 */

export const ENVELOPE_VERSION = 1;
export const ENVELOPE_ALG = 'A256GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const Envelope = z.object({
  v: z.literal(ENVELOPE_VERSION),
  alg: z.literal(ENVELOPE_ALG),
  kid: z.string().regex(/^[0-9a-f]{8,64}$/),
  iv: B64,
  tag: B64,
  data: B64,
}).strict();
export type Envelope = z.infer<typeof Envelope>;

export type CryptoErrorCode = 'BAD_ENVELOPE' | 'KEY_MISMATCH' | 'DECRYPT_FAILED' | 'BAD_KEY';

/** A failure to open (or seal) an envelope. Never carries plaintext. */
export class CryptoError extends Error {
  constructor(readonly code: CryptoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CryptoError';
  }
}

/** A 256-bit key and its public id. */
export interface DataKey {
  readonly key: Buffer;
  readonly kid: string;
}

/** The key id: first 8 hex digits of a domain-separated SHA-256 of the key. Reveals nothing usable. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('faro-key-id\0').update(key).digest('hex').slice(0, 8);
}

/** Wraps raw key bytes; throws `BAD_KEY` unless exactly 32 bytes. */
export function dataKey(key: Buffer): DataKey {
  if (key.length !== KEY_BYTES) throw new CryptoError('BAD_KEY', `key must be ${KEY_BYTES} bytes, got ${key.length}`);
  return { key: Buffer.from(key), kid: keyId(key) };
}

function aad(kid: string, context: string): Buffer {
  return Buffer.from(`faro|v${ENVELOPE_VERSION}|${ENVELOPE_ALG}|${kid}|${context}`, 'utf8');
}

/** Encrypts `plaintext` for `context`; returns the envelope serialised as UTF-8 JSON text. */
export function seal(k: DataKey, context: string, plaintext: Buffer | string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(k.kid, context));
  const data = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  const env: Envelope = {
    v: ENVELOPE_VERSION, alg: ENVELOPE_ALG, kid: k.kid,
    iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64'),
  };
  return JSON.stringify(env);
}

/** Reads the header only, without decrypting: `undefined` if the text is not an envelope. */
export function peekEnvelope(text: string): Envelope | undefined {
  try {
    const parsed = Envelope.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens an envelope written by `seal` for the same `context`.
 * Throws `CryptoError`: `BAD_ENVELOPE` (not an envelope), `KEY_MISMATCH` (written under another key),
 * `DECRYPT_FAILED` (same key id but tampered, truncated or bound to another context).
 */
export function open(k: DataKey, context: string, text: string): Buffer {
  const env = peekEnvelope(text);
  if (!env) throw new CryptoError('BAD_ENVELOPE', 'not a Faro encrypted envelope');
  if (env.kid !== k.kid) throw new CryptoError('KEY_MISMATCH', `written with key ${env.kid}, current key is ${k.kid}`);
  const iv = Buffer.from(env.iv, 'base64');
  const tag = Buffer.from(env.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CryptoError('BAD_ENVELOPE', 'bad iv or tag length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(env.kid, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(env.data, 'base64')), decipher.final()]);
  } catch (cause) {
    throw new CryptoError('DECRYPT_FAILED', 'authentication failed', { cause });
  }
}
