import { PersonalDataCipher, checkPersonalDataKeys, maskName, maskPhone, nameKey, personalDataKeySchema } from './personal-data-protection';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher({ hashKeyHex: 'a'.repeat(64), encryptionKeyHex: 'b'.repeat(64) });

  it('hashes with the key (another key, another hash) and encrypts with a fresh IV, authenticated', () => {
    const other = new PersonalDataCipher({ hashKeyHex: 'c'.repeat(64), encryptionKeyHex: 'b'.repeat(64) });
    expect(cipher.hash('cid|034080000123')).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.hash('cid|034080000123')).not.toBe(other.hash('cid|034080000123'));
    const one = cipher.encrypt('034080000123');
    const two = cipher.encrypt('034080000123');
    expect(one).not.toBe(two);
    expect(one).not.toContain('034080000123');
    expect(cipher.decrypt(one)).toBe('034080000123');
    const tampered = Buffer.from(one, 'base64');
    tampered.writeUInt8((tampered.at(-1) ?? 0) ^ 1, tampered.length - 1);
    expect(() => cipher.decrypt(tampered.toString('base64'))).toThrow();
  });

  it('encrypts a record as one JSON ciphertext', () => {
    const stored = cipher.encryptJson({ fullName: 'Nguyễn Văn An', birthYear: 1970 });
    expect(stored).not.toContain('An');
    expect(cipher.decryptJson(stored)).toEqual({ fullName: 'Nguyễn Văn An', birthYear: 1970 });
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new PersonalDataCipher({ hashKeyHex: 'ab', encryptionKeyHex: 'b'.repeat(64) })).toThrow(/32 bytes/);
  });
});

describe('names and masks', () => {
  it('compares names by NFC lower case with diacritics kept, and masks names and phones', () => {
    expect(nameKey('  NGUYỄN   VĂN AN ')).toBe('nguyễn văn an');
    expect(nameKey('Nguyễn Văn Ân')).not.toBe(nameKey('Nguyễn Văn An'));
    expect(maskName('Nguyễn Văn An')).toBe('N***** V** A*');
    expect(maskPhone('0912345678')).toBe('*******678');
  });
});

describe('personal data keys in configuration', () => {
  const dev = { hashKeyHex: '1'.repeat(64), encryptionKeyHex: '2'.repeat(64) };
  const names = { hashKey: 'X_HASH_KEY', encryptionKey: 'X_ENCRYPTION_KEY' };

  it('lower-cases a 64-hex-digit key, defaults to the development value, refuses anything else', () => {
    expect(personalDataKeySchema(dev.hashKeyHex).parse(undefined)).toBe(dev.hashKeyHex);
    expect(personalDataKeySchema(dev.hashKeyHex).parse('AB'.repeat(32))).toBe('ab'.repeat(32));
    expect(personalDataKeySchema(dev.hashKeyHex).safeParse('ab').success).toBe(false);
  });

  it('refuses the development keys in production and one key for both purposes anywhere', () => {
    expect(checkPersonalDataKeys({ NODE_ENV: 'development', X_HASH_KEY: dev.hashKeyHex, X_ENCRYPTION_KEY: dev.encryptionKeyHex }, names, dev)).toEqual([]);
    expect(checkPersonalDataKeys({ NODE_ENV: 'production', X_HASH_KEY: dev.hashKeyHex, X_ENCRYPTION_KEY: dev.encryptionKeyHex }, names, dev).map((i) => i.variable)).toEqual([
      'X_HASH_KEY',
      'X_ENCRYPTION_KEY',
    ]);
    expect(checkPersonalDataKeys({ NODE_ENV: 'development', X_HASH_KEY: '3'.repeat(64), X_ENCRYPTION_KEY: '3'.repeat(64) }, names, dev)).toEqual([
      { variable: 'X_ENCRYPTION_KEY', message: 'must differ from X_HASH_KEY' },
    ]);
  });
});
