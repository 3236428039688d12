import { type EventContract } from './define-event';
import { NOMINATION_EVENTS } from './awards/nomination-events';
import { TEAM_RATING_EVENTS } from './awards/team-rating-events';
import { ASSESSMENT_EVENTS } from './assessments/assessment-events';
import { ASSESSMENT_REVIEW_EVENTS } from './assessments/review-events';
import { CAMPAIGN_EVENTS } from './campaigns/campaign-events';
import { DEADLINE_EVENTS } from './campaigns/deadline-events';
import { PLEDGE_EVENTS } from './campaigns/pledge-events';
import { REGISTRATION_EVENTS } from './campaigns/registration-events';
import { ADVANCED_EXAMPLE_EVENTS } from './models/advanced-example-events';
import { EFFECTIVE_MODEL_EVENTS } from './models/effective-model-events';
import { MODEL_EVENTS } from './models/model-events';
import { ORG_UNITS_EVENTS } from './org-units/unit-events';
import { topicNamed } from './topics';

/** Every event contract of the platform, in catalogue order. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  ...ORG_UNITS_EVENTS,
  ...CAMPAIGN_EVENTS,
  ...REGISTRATION_EVENTS,
  ...DEADLINE_EVENTS,
  ...PLEDGE_EVENTS,
  ...ASSESSMENT_EVENTS,
  ...ASSESSMENT_REVIEW_EVENTS,
  ...MODEL_EVENTS,
  ...EFFECTIVE_MODEL_EVENTS,
  ...ADVANCED_EXAMPLE_EVENTS,
  ...NOMINATION_EVENTS,
  ...TEAM_RATING_EVENTS,
];

const byFullType = new Map<string, EventContract>();
for (const contract of EVENT_CONTRACTS) {
  if (byFullType.has(contract.fullType)) throw new Error(`Event type ${contract.fullType} is declared twice`);
  if (!topicNamed(contract.topic)) throw new Error(`Event ${contract.fullType} names undeclared topic ${contract.topic}`);
  byFullType.set(contract.fullType, contract);
}

/** The contract of a full type (`org-units.unit.created.v1`), or undefined when none is declared. */
export function contractFor(fullType: string): EventContract | undefined {
  return byFullType.get(fullType);
}
