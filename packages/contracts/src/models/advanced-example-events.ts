import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CalendarDateSchema } from '../org-units/unit-state';
import { MODEL_EXAMPLE_IDS as ids } from './examples';

/** Whether an advanced example is a person or a collective. */
export const ADVANCED_EXAMPLE_KINDS = ['INDIVIDUAL', 'COLLECTIVE'] as const;

/** `models.advanced-example.recognised.v1` */
export const AdvancedExampleRecognisedV1 = defineEvent({
  type: 'models.advanced-example.recognised',
  version: 1,
  topic: 'models.advanced-example',
  aggregateType: 'AdvancedExample',
  description:
    'A level recognised an individual or a collective as an advanced example (điển hình tiên tiến) of the movement; awards use it ' +
    'as evidence for a nomination. An individual\'s name is personal data: consumers keep it only for that purpose.',
  payload: z.object({
    exampleId: z.uuid().describe('Id of the recognition; also the record key.'),
    kind: z.enum(ADVANCED_EXAMPLE_KINDS),
    name: z.string().min(1).describe('The person or the collective.'),
    unitId: z.uuid().describe('The unit the example belongs to.'),
    modelId: z.uuid().nullable().describe('The self-management model the achievement came from, if any.'),
    achievement: z.string().min(1),
    recognisedByUnitId: z.uuid().describe('The recognising level.'),
    recognisedOn: CalendarDateSchema,
    decisionNumber: z.string().min(1).nullable(),
  }),
  example: {
    exampleId: ids.example,
    kind: 'COLLECTIVE',
    name: 'Tổ camera an ninh thôn Hội Thượng',
    unitId: ids.thonHoiThuong,
    modelId: ids.cameraReplica,
    achievement: 'Cung cấp hình ảnh giúp làm rõ 3 vụ trộm cắp tài sản năm 2024',
    recognisedByUnitId: ids.vuThu,
    recognisedOn: '2024-08-19',
    decisionNumber: '112/QĐ-UBND',
  },
});

export const ADVANCED_EXAMPLE_EVENTS = [AdvancedExampleRecognisedV1] as const;
