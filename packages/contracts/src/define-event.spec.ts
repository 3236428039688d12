import { z } from 'zod';
import { defineEvent } from './define-event';

const payload = z.object({ unitId: z.uuid(), name: z.string().min(1) });
const example = { unitId: '3e9c6fb0-6d85-4f4b-a03d-8c4e5f6a7b04', name: 'Xã Vũ Hội' };

describe('defineEvent', () => {
  it('derives the full type from type and version', () => {
    const contract = defineEvent({ type: 'demo.thing.happened', version: 3, topic: 't', aggregateType: 'Thing', description: 'd', payload, example });
    expect(contract.fullType).toBe('demo.thing.happened.v3');
    expect(Object.isFrozen(contract)).toBe(true);
  });

  it('refuses an example that violates the payload', () => {
    expect(() =>
      defineEvent({ type: 'demo.thing.happened', version: 1, topic: 't', aggregateType: 'Thing', description: 'd', payload, example: { ...example, name: '' } }),
    ).toThrow(/example violates the payload/);
  });

  it('refuses malformed type names and versions', () => {
    expect(() => defineEvent({ type: 'Demo.thing', version: 1, topic: 't', aggregateType: 'T', description: 'd', payload, example })).toThrow(/kebab case/);
    expect(() => defineEvent({ type: 'demo.thing.happened', version: 0, topic: 't', aggregateType: 'T', description: 'd', payload, example })).toThrow(/positive integer/);
  });
});
