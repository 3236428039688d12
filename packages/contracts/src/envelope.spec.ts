import { EventEnvelopeSchema } from './envelope';

const envelope = {
  specversion: '1.0',
  id: '5f0c2b7e-8d3a-4e61-9b2f-0a7c4d1e6f35',
  source: 'urn:antt:org-units',
  type: 'org-units.unit.created.v1',
  time: '2025-07-01T01:15:42.318Z',
  subject: '3e9c6fb0-6d85-4f4b-a03d-8c4e5f6a7b04',
  datacontenttype: 'application/json',
  correlationid: 'req-1',
  data: { anything: true },
};

describe('EventEnvelopeSchema', () => {
  it('accepts a CloudEvents envelope', () => {
    expect(EventEnvelopeSchema.safeParse(envelope).success).toBe(true);
  });

  it.each([
    ['a type without version', { type: 'org-units.unit.created' }],
    ['a source outside urn:antt', { source: 'org-units' }],
    ['another spec version', { specversion: '0.3' }],
    ['a non-uuid id', { id: '42' }],
    ['a malformed traceparent', { traceparent: 'abc' }],
  ])('rejects %s', (_label, patch) => {
    expect(EventEnvelopeSchema.safeParse({ ...envelope, ...patch }).success).toBe(false);
  });
});
