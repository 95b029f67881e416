import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal data. One master secret (LIANXIN_SECRET_KEY, or a key generated into
 * DATA_DIR for the embedded default) is split by HKDF into an encryption key and an HMAC key, so
 * the searchable digest never reuses the cipher key.
 */
export type FieldCrypto = {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Keyed digest of a normalised value (e.g. an ID number) for equality search. */
  digest(plain: string): string;
};

export function loadMasterSecret(opts: { secretKey?: string; dataDir: string; log?: (msg: string) => void }): Buffer {
  if (opts.secretKey) {
    if (opts.secretKey.length < 32) throw new Error('LIANXIN_SECRET_KEY must be at least 32 characters');
    return Buffer.from(opts.secretKey, 'utf8');
  }
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  opts.log?.(`generated a development encryption key at ${file}; set LIANXIN_SECRET_KEY in production`);
  return key;
}

export function createFieldCrypto(master: Buffer): FieldCrypto {
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, 'lianxin', info, 32));
  const encKey = derive('field-encryption-v1');
  const macKey = derive('field-hmac-v1');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(value) {
      if (!value.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(value.slice(3), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    digest(plain) {
      return crypto.createHmac('sha256', macKey).update(plain.trim().toUpperCase()).digest('hex');
    },
  };
}
