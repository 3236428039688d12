import { modelErrors } from './model.errors';
import { type ModelStatus } from './model.types';

const TRANSITIONS: Record<ModelStatus, readonly ModelStatus[]> = {
  ACTIVE: ['SUSPENDED', 'DISSOLVED'],
  SUSPENDED: ['ACTIVE', 'DISSOLVED'],
  DISSOLVED: [],
};

/** ACTIVE → SUSPENDED → DISSOLVED, SUSPENDED → ACTIVE (resumed) and ACTIVE → DISSOLVED; nothing leaves DISSOLVED. */
export function assertTransition(modelId: string, from: ModelStatus, to: ModelStatus): void {
  if (!TRANSITIONS[from].includes(to)) throw modelErrors.invalidTransition(modelId, from, to);
}

/** A date a change names: not after today, not before the model's founding or its last status change. */
export function assertChangeDate(field: string, value: string, notBefore: string, today: string): void {
  if (value > today) throw modelErrors.dateInFuture(field, value, today);
  if (value < notBefore) throw modelErrors.dateBeforeFounding(field, value, notBefore);
}
