import { defineEvent } from '@antt/contracts';
import { z } from 'zod';

const payload = z.object({
  itemId: z.uuid(),
  revision: z.int().min(1),
  note: z.string().min(1),
});

/** Test-only contracts on a test's own topic (the real ones are bound to `org-units.unit`). */
export function demoContracts(topic: string) {
  const changed = defineEvent({
    type: 'demo.item.changed',
    version: 1,
    topic,
    aggregateType: 'Item',
    description: 'An item changed (integration tests).',
    payload,
    example: { itemId: '3e9c6fb0-6d85-4f4b-a03d-8c4e5f6a7b04', revision: 1, note: 'Thôn Hội Thượng' },
  });
  const rejected = defineEvent({
    type: 'demo.item.rejected',
    version: 1,
    topic,
    aggregateType: 'Item',
    description: 'An event whose handler always fails (integration tests).',
    payload,
    example: { itemId: '3e9c6fb0-6d85-4f4b-a03d-8c4e5f6a7b04', revision: 1, note: 'x' },
  });
  return { changed, rejected, all: [changed, rejected] };
}
