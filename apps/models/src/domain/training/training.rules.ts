import { badInput } from '@antt/service-kit';
import { addDays } from '../shared';

/**
 * A model is flagged when its members had no training in the `periodDays` days up to `asOf` (inclusive): only while it runs
 * (founded by then, not dissolved), and not before it has existed for the whole period.
 */
export function trainingOverdue(model: { foundedOn: string; status: string; statusOn: string }, lastTrainingOn: string | null, asOf: string, periodDays: number): boolean {
  if (model.foundedOn > asOf || (model.status === 'DISSOLVED' && model.statusOn <= asOf)) return false;
  const since = addDays(asOf, -periodDays + 1);
  if (model.foundedOn >= since) return false;
  return lastTrainingOn === null || lastTrainingOn < since;
}

export const trainingErrors = {
  invalidParticipants: (value: number) =>
    badInput('TRAINING_INVALID_PARTICIPANTS', 'participants: a whole number from 1 to 100000', { field: 'participants', value }),
};
