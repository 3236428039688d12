import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema } from '../org-units/unit-state';
import { MODEL_EXAMPLE_IDS as ids } from './examples';

/** `models.effective-model.changed.v1` */
export const EffectiveModelChangedV1 = defineEvent({
  type: 'models.effective-model.changed',
  version: 1,
  topic: 'models.effective-model',
  aggregateType: 'EffectiveModelFact',
  description:
    'The fact "the unit had at least one effective model in the evaluation window of the year" (R7, R8) was first derived or ' +
    'changed, from the current effectiveness reviews of the models the unit hosted. Keyed by unit id: the facts of one unit ' +
    'arrive in order; a consumer keeps the highest `revision` per (unit, year).',
  payload: z.object({
    unitId: z.uuid().describe('The unit; also the record key.'),
    year: z.number().int(),
    windowStart: CalendarDateSchema,
    windowEnd: CalendarDateSchema,
    hasEffectiveModel: z.boolean(),
    effectiveModelIds: z.array(z.uuid()).describe('Models rated EFFECTIVE for the window.'),
    revision: z.number().int().min(1).describe('1 for the first derivation, +1 for each change.'),
    derivedOn: CalendarDateSchema.describe('Date of the review that changed it.'),
  }),
  example: {
    unitId: ids.vuHoi,
    year: 2024,
    windowStart: '2023-11-16',
    windowEnd: '2024-11-15',
    hasEffectiveModel: true,
    effectiveModelIds: [ids.camera],
    revision: 1,
    derivedOn: '2024-11-20',
  },
});

export const EFFECTIVE_MODEL_EVENTS = [EffectiveModelChangedV1] as const;
