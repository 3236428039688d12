import { type KeyObject, createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const IVS_PER_REFILL = 4096;

/**
 * The keyed hash and the encryption of pledges' personal data. HMAC-SHA256 with PLEDGE_HASH_KEY detects duplicates without
 * keeping the citizen ID in clear (a bare SHA-256 of 12 digits is reversed by trying 10^12 values; the key makes that
 * impossible without it). AES-256-GCM with PLEDGE_ENCRYPTION_KEY keeps the ID for the few readers who must see it: a random
 * 96-bit IV per value, stored as base64 of iv | tag | ciphertext, authenticated, so a changed byte fails to decrypt.
 */
export class PersonalDataCipher {
  // Key objects, not buffers: a buffer key is imported again on every call, which costs more than the hash itself.
  private readonly hashKey: KeyObject;
  private readonly encryptionKey: KeyObject;
  // IVs are drawn from the CSPRNG in blocks (one call per 4,096 values instead of one per value); each is used once.
  private ivs = Buffer.alloc(0);
  private nextIv = 0;

  constructor(keys: { hashKeyHex: string; encryptionKeyHex: string }) {
    const hashKey = Buffer.from(keys.hashKeyHex, 'hex');
    const encryptionKey = Buffer.from(keys.encryptionKeyHex, 'hex');
    if (hashKey.length !== 32 || encryptionKey.length !== 32) throw new Error('Pledge keys must be 32 bytes each');
    this.hashKey = createSecretKey(hashKey);
    this.encryptionKey = createSecretKey(encryptionKey);
  }

  /** HMAC-SHA256 of `material`, hex. */
  hash(material: string): string {
    return createHmac('sha256', this.hashKey).update(material, 'utf8').digest('hex');
  }

  encrypt(plain: string): string {
    if (this.nextIv + IV_BYTES > this.ivs.length) {
      this.ivs = randomBytes(IV_BYTES * IVS_PER_REFILL);
      this.nextIv = 0;
    }
    const iv = this.ivs.subarray(this.nextIv, this.nextIv + IV_BYTES);
    this.nextIv += IV_BYTES;
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
