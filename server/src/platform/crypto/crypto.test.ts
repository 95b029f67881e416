import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, loadMasterSecret } from './crypto.js';

describe('field encryption', () => {
  const fc1 = createFieldCrypto(crypto.randomBytes(32));

  it('round-trips and never repeats a ciphertext for the same value', () => {
    const a = fc1.encrypt('110101199001011237');
    const b = fc1.encrypt('110101199001011237');
    expect(a).not.toBe(b);
    expect(fc1.decrypt(a)).toBe('110101199001011237');
  });

  it('detects tampering (GCM authentication)', () => {
    const c = fc1.encrypt('secret');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => fc1.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('digests are keyed: another key gives another digest, and the digest is not a plain hash', () => {
    const fc2 = createFieldCrypto(crypto.randomBytes(32));
    expect(fc1.digest('110101199001011237')).not.toBe(fc2.digest('110101199001011237'));
    expect(fc1.digest('110101199001011237')).not.toBe(crypto.createHash('sha256').update('110101199001011237').digest('hex'));
    expect(fc1.digest('11010119850510001x')).toBe(fc1.digest('11010119850510001X'));
  });

  it('generates a development key into DATA_DIR once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-key-'));
    const first = loadMasterSecret({ dataDir: dir });
    expect(loadMasterSecret({ dataDir: dir }).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o077).toBe(0);
    expect(() => loadMasterSecret({ dataDir: dir, secretKey: 'short' })).toThrow(/32/);
  });
});
