import {
  AdvancedExampleRecognisedV1,
  ClassificationDecidedV1,
  EffectiveModelChangedV1,
  CampaignClosedV1,
  CampaignLaunchedV1,
  type EventPayload,
  RecognitionDecidedV1,
  RegistrationSubmittedV1,
  RegistrationWithdrawnV1,
} from '@antt/contracts';
import { type EventEnvelope, type EventHandler, type SqlExecutor } from '@antt/events';

type Recognition = EventPayload<typeof RecognitionDecidedV1>;
type Classification = EventPayload<typeof ClassificationDecidedV1>;
type Launched = EventPayload<typeof CampaignLaunchedV1>;
type Closed = EventPayload<typeof CampaignClosedV1>;
type Submitted = EventPayload<typeof RegistrationSubmittedV1>;
type Withdrawn = EventPayload<typeof RegistrationWithdrawnV1>;
type EffectiveModel = EventPayload<typeof EffectiveModelChangedV1>;
type AdvancedExample = EventPayload<typeof AdvancedExampleRecognisedV1>;

/** The topics the fact store is fed from: campaigns (launch, closure), registrations, assessments' decisions, models' facts. */
export const FACT_TOPICS = [
  ...new Set([CampaignLaunchedV1, RegistrationSubmittedV1, RecognitionDecidedV1, EffectiveModelChangedV1, AdvancedExampleRecognisedV1].map((contract) => contract.topic)),
];

const data = <T>(event: EventEnvelope) => event.data as T;

// Every statement is idempotent: state-carrying decisions replace a row only with a higher revision; campaigns and
// registrations are upserted from their own state. A campaign keeps its parent as a plain id (no foreign key, no closure):
// a child's event may arrive before its parent's, and the family is walked when it is read.
async function recognition(tx: SqlExecutor, d: Recognition): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO recognition_fact (unit_id, year, status, recognised_on, revoked_on, revision)
     VALUES ($1::uuid, $2, $3, $4::date, $5::date, $6)
     ON CONFLICT (unit_id, year) DO UPDATE SET status = excluded.status, recognised_on = excluded.recognised_on,
       revoked_on = excluded.revoked_on, revision = excluded.revision
     WHERE recognition_fact.revision < excluded.revision`,
    d.unitId,
    d.year,
    d.status,
    d.recognisedOn,
    d.revokedOn,
    d.revision,
  );
}

async function classification(tx: SqlExecutor, d: Classification): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO classification_fact (unit_id, year, classification, decided_on, revision)
     VALUES ($1::uuid, $2, $3, $4::date, $5)
     ON CONFLICT (unit_id, year) DO UPDATE SET classification = excluded.classification, decided_on = excluded.decided_on,
       revision = excluded.revision
     WHERE classification_fact.revision < excluded.revision`,
    d.unitId,
    d.year,
    d.classification,
    d.decidedOn,
    d.revision,
  );
}

async function launched(tx: SqlExecutor, d: Launched): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_fact (campaign_id, parent_campaign_id, owner_unit_id, title, period_start, period_end)
     VALUES ($1::uuid, $6::uuid, $2::uuid, $3, $4::date, $5::date)
     ON CONFLICT (campaign_id) DO UPDATE SET parent_campaign_id = excluded.parent_campaign_id, owner_unit_id = excluded.owner_unit_id,
       title = excluded.title, period_start = excluded.period_start, period_end = excluded.period_end`,
    d.campaignId,
    d.ownerUnitId,
    d.title,
    d.periodStart,
    d.periodEnd,
    d.parentCampaignId,
  );
}

async function closed(tx: SqlExecutor, d: Closed): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_fact (campaign_id, parent_campaign_id, owner_unit_id, title, period_start, period_end, closed_on)
     VALUES ($1::uuid, $7::uuid, $2::uuid, $3, $4::date, $5::date, $6::date)
     ON CONFLICT (campaign_id) DO UPDATE SET closed_on = excluded.closed_on, parent_campaign_id = excluded.parent_campaign_id`,
    d.campaignId,
    d.ownerUnitId,
    d.title,
    d.periodStart,
    d.periodEnd,
    d.closedOn,
    d.parentCampaignId,
  );
}

async function registered(tx: SqlExecutor, d: Submitted): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO registration_fact (registration_id, campaign_id, unit_id, registered_on)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::date)
     ON CONFLICT (registration_id) DO NOTHING`,
    d.registrationId,
    d.campaignId,
    d.unitId,
    d.registeredOn,
  );
}

// A withdrawal of a registration never seen (cannot happen on one partition, kept total) records it as never in force.
async function withdrawn(tx: SqlExecutor, d: Withdrawn): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO registration_fact (registration_id, campaign_id, unit_id, registered_on, withdrawn_on)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::date, $5::date)
     ON CONFLICT (registration_id) DO UPDATE SET withdrawn_on = excluded.withdrawn_on`,
    d.registrationId,
    d.campaignId,
    d.unitId,
    d.withdrawnOn,
    d.withdrawnOn,
  );
}

async function effectiveModel(tx: SqlExecutor, d: EffectiveModel): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO effective_model_fact (unit_id, year, has_effective_model, revision) VALUES ($1::uuid, $2, $3, $4)
     ON CONFLICT (unit_id, year) DO UPDATE SET has_effective_model = excluded.has_effective_model, revision = excluded.revision
     WHERE effective_model_fact.revision < excluded.revision`,
    d.unitId,
    d.year,
    d.hasEffectiveModel,
    d.revision,
  );
}

// The example's name (an individual's name is personal data) is not kept: only the unit, the kind and the date.
async function advancedExample(tx: SqlExecutor, d: AdvancedExample): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO advanced_example_fact (example_id, unit_id, kind, recognised_on) VALUES ($1::uuid, $2::uuid, $3, $4::date)
     ON CONFLICT (example_id) DO NOTHING`,
    d.exampleId,
    d.unitId,
    d.kind,
    d.recognisedOn,
  );
}

/** Handlers of the fact store consumer (other types on its topics, e.g. deadlines, are not facts awards use). */
export function factHandlers<TTx extends SqlExecutor>(): Record<string, EventHandler<TTx>> {
  return {
    [RecognitionDecidedV1.fullType]: (event, tx) => recognition(tx, data<Recognition>(event)),
    [ClassificationDecidedV1.fullType]: (event, tx) => classification(tx, data<Classification>(event)),
    [CampaignLaunchedV1.fullType]: (event, tx) => launched(tx, data<Launched>(event)),
    [CampaignClosedV1.fullType]: (event, tx) => closed(tx, data<Closed>(event)),
    [RegistrationSubmittedV1.fullType]: (event, tx) => registered(tx, data<Submitted>(event)),
    [RegistrationWithdrawnV1.fullType]: (event, tx) => withdrawn(tx, data<Withdrawn>(event)),
    [EffectiveModelChangedV1.fullType]: (event, tx) => effectiveModel(tx, data<EffectiveModel>(event)),
    [AdvancedExampleRecognisedV1.fullType]: (event, tx) => advancedExample(tx, data<AdvancedExample>(event)),
  };
}
