import { UnitCreatedV1 } from '@antt/contracts';
import { buildEnvelope, parseEnvelope, parseJsonBytes, recordHeaders } from './envelope';
import { ContractViolation } from './errors';

const unitId = UnitCreatedV1.example.unitId;
const clock = { now: () => new Date('2025-07-01T01:15:42.318Z'), newId: () => '5f0c2b7e-8d3a-4e61-9b2f-0a7c4d1e6f35' };

describe('envelope', () => {
  it('builds a CloudEvents envelope around a valid payload', () => {
    const envelope = buildEnvelope({ contract: UnitCreatedV1, aggregateId: unitId, data: UnitCreatedV1.example, correlationId: 'req-1' }, 'org-units', clock);
    expect(envelope).toEqual({
      specversion: '1.0',
      id: '5f0c2b7e-8d3a-4e61-9b2f-0a7c4d1e6f35',
      source: 'urn:antt:org-units',
      type: 'org-units.unit.created.v1',
      time: '2025-07-01T01:15:42.318Z',
      subject: unitId,
      datacontenttype: 'application/json',
      correlationid: 'req-1',
      data: UnitCreatedV1.example,
    });
    expect(recordHeaders(envelope)).toEqual({
      ce_id: envelope.id,
      ce_type: 'org-units.unit.created.v1',
      ce_source: 'urn:antt:org-units',
      ce_specversion: '1.0',
      ce_time: '2025-07-01T01:15:42.318Z',
      ce_subject: unitId,
      correlationid: 'req-1',
    });
  });

  it('uses the event id as correlation id when none is given', () => {
    const envelope = buildEnvelope({ contract: UnitCreatedV1, aggregateId: unitId, data: UnitCreatedV1.example }, 'org-units', clock);
    expect(envelope.correlationid).toBe(envelope.id);
  });

  it('refuses a payload that violates the contract', () => {
    const data = { ...UnitCreatedV1.example, kind: 'VILLAGE' } as unknown as typeof UnitCreatedV1.example;
    expect(() => buildEnvelope({ contract: UnitCreatedV1, aggregateId: unitId, data }, 'org-units')).toThrow(ContractViolation);
  });

  it('parses what it built and rejects what is not an envelope', () => {
    const envelope = buildEnvelope({ contract: UnitCreatedV1, aggregateId: unitId, data: UnitCreatedV1.example }, 'org-units');
    expect(parseEnvelope(Buffer.from(JSON.stringify(envelope)))).toEqual(envelope);
    expect(() => parseEnvelope(Buffer.from('{not json'))).toThrow(/not JSON/);
    expect(() => parseEnvelope(null)).toThrow(/no value/);
    expect(() => parseEnvelope(JSON.stringify({ ...envelope, specversion: '0.3' }))).toThrow(/specversion/);
  });

  describe('parseJsonBytes', () => {
    /** The plain way, which parseJsonBytes must equal (values, keys, key order, own properties). */
    const plain = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown;
    const same = (bytes: Buffer) => {
      const parsed = parseJsonBytes(bytes);
      expect(parsed).toStrictEqual(plain(bytes));
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(plain(bytes)));
    };

    it('reads Vietnamese names, 4-byte characters and non-ASCII keys as the UTF-8 decoding does, keys in order', () => {
      same(Buffer.from(JSON.stringify({ name: 'Xã Vũ Hội', nested: [{ 'tên': 'Thôn Hội Thượng', z: 1, 'đặc khu': ['Côn Đảo', '🏠 nhà'] }], n: 3.5, b: true, x: null })));
      same(Buffer.from(JSON.stringify(UnitCreatedV1.example)));
      same(Buffer.from('"Phường Trần Hưng Đạo"'));
      same(Buffer.from('{"ascii":"only","list":[1,2,3]}'));
    });

    it('keeps an own __proto__ property and decodes a key beside it', () => {
      const bytes = Buffer.from('{"__proto__":{"a":1},"khóa":"giá trị"}');
      same(bytes);
      const parsed = parseJsonBytes(bytes) as Record<string, unknown>;
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
      expect(Object.keys(parsed)).toEqual(['__proto__', 'khóa']);
    });

    it('takes the plain way for \\u escapes, which may spell characters of 0x80-0xFF', () => {
      same(Buffer.from('{"a":"caf\\u00e9 Hội","b":"\\u1ecd"}'));
      expect(parseJsonBytes(Buffer.from('{"a":"caf\\u00e9 Hội"}'))).toEqual({ a: 'café Hội' });
    });

    it('replaces invalid UTF-8 as the decoding does, and refuses what is not JSON', () => {
      same(Buffer.concat([Buffer.from('{"a":"x'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('y"}')]));
      expect(() => parseJsonBytes(Buffer.concat([Buffer.from('{"a":1'), Buffer.from([0xe1, 0xbb, 0x8d]), Buffer.from('}')]))).toThrow(SyntaxError);
      expect(() => parseJsonBytes(Buffer.from('{"Hội":'))).toThrow(SyntaxError);
    });
  });
});
