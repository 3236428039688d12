import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The keyed hash and the encryption of pledges' personal data. HMAC-SHA256 with PLEDGE_HASH_KEY detects duplicates without
 * keeping the citizen ID in clear (a bare SHA-256 of 12 digits is reversed by trying 10^12 values; the key makes that
 * impossible without it). AES-256-GCM with PLEDGE_ENCRYPTION_KEY keeps the ID for the few readers who must see it: a random
 * 96-bit IV per value, stored as base64 of iv | tag | ciphertext, authenticated, so a changed byte fails to decrypt.
 */
export class PersonalDataCipher {
  private readonly hashKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(keys: { hashKeyHex: string; encryptionKeyHex: string }) {
    this.hashKey = Buffer.from(keys.hashKeyHex, 'hex');
    this.encryptionKey = Buffer.from(keys.encryptionKeyHex, 'hex');
    if (this.hashKey.length !== 32 || this.encryptionKey.length !== 32) throw new Error('Pledge keys must be 32 bytes each');
  }

  /** HMAC-SHA256 of `material`, hex. */
  hash(material: string): string {
    return createHmac('sha256', this.hashKey).update(material, 'utf8').digest('hex');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    const bytes = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
