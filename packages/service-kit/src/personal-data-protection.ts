import { type KeyObject, createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type ConfigIssue } from './config';

const IV_BYTES = 12;
const IVS_PER_REFILL = 4096;

/** The two keys of a service's personal data: the blind index (HMAC) and the encryption at rest (AES-256-GCM), 64 hex digits each. */
export interface PersonalDataKeys {
  hashKeyHex: string;
  encryptionKeyHex: string;
}

/**
 * The keyed hash and the encryption of people's personal data (Decree 13/2023; docs/adr/0012), shared by every service that
 * keeps records about people (campaigns' pledgers, awards' nominees). HMAC-SHA256 with the hash key is a blind index: it finds
 * duplicates and the same person across records without keeping what identifies them in clear (a bare SHA-256 of a 12-digit ID
 * or of a name and a birth year is reversed by trying every value; the key makes that impossible without it). AES-256-GCM with
 * the encryption key keeps the values for the few readers who must see them: a random 96-bit IV per value, stored as base64 of
 * iv | tag | ciphertext, authenticated, so a changed byte fails to decrypt.
 */
export class PersonalDataCipher {
  // Key objects, not buffers: a buffer key is imported again on every call, which costs more than the hash itself.
  private readonly hashKey: KeyObject;
  private readonly encryptionKey: KeyObject;
  // IVs are drawn from the CSPRNG in blocks (one call per 4,096 values instead of one per value); each is used once.
  private ivs = Buffer.alloc(0);
  private nextIv = 0;

  constructor(keys: PersonalDataKeys) {
    const hashKey = Buffer.from(keys.hashKeyHex, 'hex');
    const encryptionKey = Buffer.from(keys.encryptionKeyHex, 'hex');
    if (hashKey.length !== 32 || encryptionKey.length !== 32) throw new Error('Personal data keys must be 32 bytes each');
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

  /** A JSON value encrypted as one ciphertext (a record's personal fields together). */
  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(stored: string): T {
    return JSON.parse(this.decrypt(stored)) as T;
  }
}

/**
 * How much of a person's data one caller sees, given that it may see the record: FULL in clear, MASKED (initials, last
 * digits; ID numbers, dates and addresses never), NONE.
 */
export type PersonalDataAccess = 'FULL' | 'MASKED' | 'NONE';

/** The key a person's name is compared by: NFC, lower case (Vietnamese rules: diacritics kept, Ân is not An), one space between words. */
export function nameKey(fullName: string): string {
  return fullName.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
}

/** "Nguyễn Văn An" → "N***** V** A*": the first letter of each word. */
export function maskName(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      const letters = [...word];
      return letters.length === 0 ? word : `${letters[0]}${'*'.repeat(Math.max(1, letters.length - 1))}`;
    })
    .join(' ');
}

/** "0912345678" → "*******678". */
export function maskPhone(phone: string): string {
  return `${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
}

/** A 256-bit key given as 64 hex digits, lower-cased; `fallback` is the development value. */
export const personalDataKeySchema = (fallback: string) =>
  z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (a 256-bit key)')
    .default(fallback)
    .transform((value) => value.toLowerCase());

/**
 * The start-up check of a service's two personal-data keys: production refuses the development values, and one key used for
 * both purposes anywhere. `names` are the service's variable names, `devKeys` its development values.
 */
export function checkPersonalDataKeys(
  config: Record<string, unknown> & { NODE_ENV: string },
  names: { hashKey: string; encryptionKey: string },
  devKeys: PersonalDataKeys,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const hashKey = config[names.hashKey];
  const encryptionKey = config[names.encryptionKey];
  if (config.NODE_ENV === 'production') {
    if (hashKey === devKeys.hashKeyHex) issues.push({ variable: names.hashKey, message: 'the development key is refused in production' });
    if (encryptionKey === devKeys.encryptionKeyHex) issues.push({ variable: names.encryptionKey, message: 'the development key is refused in production' });
  }
  if (hashKey === encryptionKey) issues.push({ variable: names.encryptionKey, message: `must differ from ${names.hashKey}` });
  return issues;
}
