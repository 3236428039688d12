/** A Kafka topic as the platform declares it; `npm run infra:up` applies the list idempotently. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Milliseconds; -1 keeps records forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  /** What the record key is. */
  readonly key: string;
  readonly description: string;
}

/** Consumer groups that exist today. A group's dead-letter topic is `<group>.dlq`. */
export const CONSUMER_GROUPS = {
  /** The campaigns service's copy of the unit tree (`@antt/unit-directory`). */
  campaignsUnitDirectory: 'campaigns.unit-directory',
  /** campaigns' target attainment read model: recognitions and classifications from assessments. */
  campaignsAttainment: 'campaigns.attainment',
  /** The models service's copy of the unit tree, which also moves models to the successor of a merged host. */
  modelsUnitDirectory: 'models.unit-directory',
  /** The assessments service's copy of the unit tree: the dated levels that review, recognise and classify. */
  assessmentsUnitDirectory: 'assessments.unit-directory',
  /** The facts assessments derive rules from: campaigns' registrations and models' effective-model fact (R7, R8). */
  assessmentsFacts: 'assessments.facts',
  /** The awards service's copy of the unit tree. */
  awardsUnitDirectory: 'awards.unit-directory',
  /** awards' fact store: campaigns, registrations, recognitions and classifications. */
  awardsFacts: 'awards.facts',
} as const;

/** The dead-letter topic of a consumer group. */
export function deadLetterTopicFor(groupId: string): string {
  return `${groupId}.dlq`;
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

function deadLetterTopic(groupId: string): TopicSpec {
  return {
    name: deadLetterTopicFor(groupId),
    partitions: 1,
    retentionMs: THIRTY_DAYS_MS,
    cleanupPolicy: 'delete',
    key: 'the original record key',
    description:
      `Dead letters of consumer group \`${groupId}\`: the original record (key, value, headers) plus \`dlq_*\` headers ` +
      'saying why it could not be applied. Kept 30 days for inspection and replay.',
  };
}

/** Every topic of the platform. Broker auto-creation is off: a topic missing here does not exist. */
export const TOPICS: readonly TopicSpec[] = [
  {
    name: 'org-units.unit',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'unit id (uuid): every event of one unit lands on one partition, in order',
    description:
      'Lifecycle of organisational units (province, districts, communes, residential areas, agencies, enterprises, schools, ' +
      'departments, security teams). Kept forever: read models such as the unit directory are rebuilt by replaying it.',
  },
  deadLetterTopic(CONSUMER_GROUPS.campaignsUnitDirectory),
  {
    name: 'campaigns.campaign',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'campaign id (uuid)',
    description:
      'Lifecycle of campaigns (movement-years): launched with their calendar and targets, closed. Kept forever: services that ' +
      'judge units against a campaign rebuild their copy of it by replaying the topic.',
  },
  {
    name: 'campaigns.registration',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'registration id (uuid)',
    description: 'Units registering to strive for the safe standard and classification in a campaign, and withdrawals.',
  },
  {
    name: 'campaigns.deadline',
    partitions: 3,
    retentionMs: 400 * 24 * 60 * 60 * 1000,
    cleanupPolicy: 'delete',
    key: 'unit id (uuid): the notices of one unit in order',
    description: 'Deadline reminders and overdue flags of campaign calendars, one per campaign family, deadline and unit. Kept 400 days.',
  },
  {
    name: 'campaigns.pledge-coverage',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'unit id (uuid): the coverage changes of one unit in order',
    description: "Units' pledge counts per campaign family, one event per unit per committed batch; counts only, no personal data.",
  },
  // Target attainment (issue 6): the assessments service's decisions, declared before the service (issue 8) exists.
  {
    name: 'assessments.assessment',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'unit id (uuid): every decision about one unit lands on one partition, in order',
    description:
      'Decisions of the assessments service about units, state-carrying per unit and evaluation year: safe-standard ' +
      'recognitions (Circular 124: recognised, not recognised, revoked) and movement classifications (Decision 510). Kept ' +
      'forever: read models such as campaigns\' target attainment are rebuilt by replaying it.',
  },
  deadLetterTopic(CONSUMER_GROUPS.campaignsAttainment),
  deadLetterTopic(CONSUMER_GROUPS.assessmentsUnitDirectory),
  deadLetterTopic(CONSUMER_GROUPS.assessmentsFacts),
  {
    name: 'assessments.review',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'unit id (uuid): the steps of one unit in order',
    description:
      'The review flow of self-assessments (Decision 510 Art. 11): submitted, returned with a reason by a level of the review ' +
      'chain, approved by its last level; and the reminders to the level whose turn it is (due soon, overdue), once per ' +
      'review step. Kept forever.',
  },
  deadLetterTopic(CONSUMER_GROUPS.modelsUnitDirectory),
  {
    name: 'models.model',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'model id (uuid)',
    description:
      'Lifecycle of self-management models: created, replicated, reviewed for a window, suspended, dissolved. Kept forever.',
  },
  {
    name: 'models.effective-model',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'unit id (uuid): the facts of one unit in order',
    description:
      'The derived fact "unit U had at least one effective model in the window of year Y", published when first derived and on ' +
      'every change; assessments judge R7 and R8 from it. Kept forever.',
  },
  {
    name: 'models.advanced-example',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'advanced example id (uuid)',
    description: 'Advanced examples (điển hình tiên tiến) recognised by a level; awards use them as evidence. Kept forever.',
  },
  deadLetterTopic(CONSUMER_GROUPS.awardsUnitDirectory),
  deadLetterTopic(CONSUMER_GROUPS.awardsFacts),
  {
    name: 'awards.nomination',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'nomination id (uuid): every move of one nomination in order',
    description: 'Nominations for awards through their workflow (submitted, returned, appraised, decided, rejected) and revocations of awards. No personal data. Kept forever.',
  },
  {
    name: 'awards.team-rating',
    partitions: 3,
    retentionMs: -1,
    cleanupPolicy: 'delete',
    key: 'commune id (uuid): every version of one commune\'s ratings in order',
    description: 'Grassroots security team ratings per commune and year (R25): counts per level of teams and members, no personal data. Kept forever.',
  },
];

/** The declared topic of that name, or undefined. */
export function topicNamed(name: string): TopicSpec | undefined {
  return TOPICS.find((topic) => topic.name === name);
}
