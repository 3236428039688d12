import { CONSUMER_GROUPS, EffectiveModelChangedV1, RecognitionDecidedV1, RegistrationSubmittedV1 } from '@antt/contracts';
import { type ServiceName } from '@antt/infra';
import { UNIT_DIRECTORY_TOPICS } from '@antt/unit-directory';

/**
 * A read model a consumer group builds, as `npm run events -- replay` rebuilds it: the topics it reads, the tables it
 * owns (emptied before the replay, with the group's inbox entries) and the service database that holds them.
 */
export interface ReadModel {
  readonly group: string;
  readonly description: string;
  readonly topics: readonly string[];
  /** Emptied in one transaction, in this order (children first). */
  readonly tables: readonly string[];
  /** The service whose database holds the tables (its URL from `.local/infra.json`, unless `--database-url` is given). */
  readonly service: ServiceName;
}

/** Every consumer group of the platform that builds a read model. */
export const READ_MODELS: readonly ReadModel[] = [
  {
    group: CONSUMER_GROUPS.campaignsUnitDirectory,
    description: "the campaigns service's unit directory (org-units events)",
    topics: UNIT_DIRECTORY_TOPICS,
    tables: ['directory_unit_lineage', 'directory_unit_version', 'directory_unit'],
    service: 'campaigns',
  },
  {
    group: CONSUMER_GROUPS.modelsUnitDirectory,
    description: "the models service's unit directory (org-units events; rebuilding it also moves models still on a host merged or split)",
    topics: UNIT_DIRECTORY_TOPICS,
    tables: ['directory_unit_lineage', 'directory_unit_version', 'directory_unit'],
    service: 'models',
  },
  {
    group: CONSUMER_GROUPS.campaignsAttainment,
    description: "the campaigns service's target attainment read model (assessments' recognitions and classifications)",
    topics: [RecognitionDecidedV1.topic],
    tables: ['unit_recognition', 'unit_classification'],
    service: 'campaigns',
  },
  {
    group: CONSUMER_GROUPS.assessmentsUnitDirectory,
    description: "the assessments service's unit directory (org-units events)",
    topics: UNIT_DIRECTORY_TOPICS,
    tables: ['directory_unit_version', 'directory_unit'],
    service: 'assessments',
  },
  {
    group: CONSUMER_GROUPS.assessmentsFacts,
    description: "the assessments service's facts for derived rules (campaigns' registrations, models' effective-model fact)",
    topics: [RegistrationSubmittedV1.topic, EffectiveModelChangedV1.topic],
    tables: ['unit_registration', 'effective_model_fact'],
    service: 'assessments',
  },
];

export function readModelOf(group: string): ReadModel | undefined {
  return READ_MODELS.find((model) => model.group === group);
}
