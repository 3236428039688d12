import { type EventContract } from '../define-event';
import { type JsonValue } from './yaml';

/** An envelope around a contract's example, with fixed id and time so generated documents are stable. */
export function exampleEnvelope(contract: EventContract): { [key: string]: JsonValue } {
  const data = contract.payload.parse(contract.example) as { [key: string]: JsonValue };
  const subject = typeof data['unitId'] === 'string' ? data['unitId'] : '3e9c6fb0-6d85-4f4b-a03d-8c4e5f6a7b04';
  const service = contract.type.split('.')[0] ?? 'unknown';
  return {
    specversion: '1.0',
    id: '5f0c2b7e-8d3a-4e61-9b2f-0a7c4d1e6f35',
    source: `urn:antt:${service}`,
    type: contract.fullType,
    time: '2025-07-01T01:15:42.318Z',
    subject,
    datacontenttype: 'application/json',
    correlationid: 'req-7f3e2a91c4b84d0e',
    data,
  };
}
