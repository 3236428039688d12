import { UnitCreatedV1 } from '@antt/contracts';
import { buildEnvelope, parseEnvelope, recordHeaders } from './envelope';
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
});
