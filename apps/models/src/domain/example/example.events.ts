import { AdvancedExampleRecognisedV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type AdvancedExampleView } from './example.types';

/** `models.advanced-example.recognised.v1` */
export function exampleRecognised(example: AdvancedExampleView, correlationId: string | undefined): NewEvent<EventContract> {
  const { id, ...rest } = example;
  return { contract: AdvancedExampleRecognisedV1, aggregateId: id, correlationId, data: { exampleId: id, ...rest } };
}
