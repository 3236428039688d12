import { EffectiveModelChangedV1, type EventPayload, RegistrationSubmittedV1, RegistrationWithdrawnV1 } from '@antt/contracts';
import { type BatchEventHandler, type EventEnvelope, type EventHandler, type SqlExecutor } from '@antt/events';

type Submitted = EventPayload<typeof RegistrationSubmittedV1>;
type Withdrawn = EventPayload<typeof RegistrationWithdrawnV1>;
type EffectiveModel = EventPayload<typeof EffectiveModelChangedV1>;

/** The topics the facts consumer (group assessments.facts) reads. */
export const FACT_TOPICS = [...new Set([RegistrationSubmittedV1.topic, EffectiveModelChangedV1.topic])];

const UPSERT_REGISTRATIONS = `
INSERT INTO unit_registration (registration_id, unit_id, campaign_id, year, for_safe_standard, registered_on, withdrawn_on)
SELECT registration_id, unit_id, campaign_id, extract(year FROM registered_on)::int, for_safe_standard, registered_on, NULL
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::boolean[], $5::date[]) AS r(registration_id, unit_id, campaign_id, for_safe_standard, registered_on)
ON CONFLICT (registration_id) DO NOTHING`;

const WITHDRAW = `UPDATE unit_registration SET withdrawn_on = w.withdrawn_on
FROM unnest($1::uuid[], $2::date[]) AS w(registration_id, withdrawn_on) WHERE unit_registration.registration_id = w.registration_id`;

const UPSERT_FACTS = `
INSERT INTO effective_model_fact (unit_id, year, has_effective_model, revision)
SELECT unit_id, year, has_effective_model, revision FROM unnest($1::uuid[], $2::int[], $3::boolean[], $4::int[]) AS f(unit_id, year, has_effective_model, revision)
ON CONFLICT (unit_id, year) DO UPDATE SET has_effective_model = excluded.has_effective_model, revision = excluded.revision
WHERE effective_model_fact.revision < excluded.revision`;

/** Keeps registrations (a redelivery changes nothing). */
export async function projectRegistrations(tx: SqlExecutor, registrations: readonly Submitted[]): Promise<void> {
  if (registrations.length === 0) return;
  await tx.$executeRawUnsafe(
    UPSERT_REGISTRATIONS,
    registrations.map((r) => r.registrationId),
    registrations.map((r) => r.unitId),
    registrations.map((r) => r.campaignId),
    registrations.map((r) => r.forSafeStandard),
    registrations.map((r) => r.registeredOn),
  );
}

/** Marks registrations withdrawn. */
export async function projectWithdrawals(tx: SqlExecutor, withdrawals: readonly Withdrawn[]): Promise<void> {
  if (withdrawals.length === 0) return;
  await tx.$executeRawUnsafe(WITHDRAW, withdrawals.map((w) => w.registrationId), withdrawals.map((w) => w.withdrawnOn));
}

/** Keeps the effective-model fact per unit and year, replaced only by a higher revision. */
export async function projectEffectiveModelFacts(tx: SqlExecutor, facts: readonly EffectiveModel[]): Promise<void> {
  const latest = new Map<string, EffectiveModel>();
  for (const fact of facts) {
    const key = `${fact.unitId}:${fact.year}`;
    const held = latest.get(key);
    if (!held || fact.revision > held.revision) latest.set(key, fact);
  }
  const rows = [...latest.values()];
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(UPSERT_FACTS, rows.map((f) => f.unitId), rows.map((f) => f.year), rows.map((f) => f.hasEffectiveModel), rows.map((f) => f.revision));
}

const data = <T>(events: ReadonlyArray<EventEnvelope>) => events.map((event) => event.data as T);

/** Per-record handlers of the facts consumer (also the batch mode's fallback). */
export function factHandlers<TTx extends SqlExecutor>(): Record<string, EventHandler<TTx>> {
  return {
    [RegistrationSubmittedV1.fullType]: (event, tx) => projectRegistrations(tx, data<Submitted>([event])),
    [RegistrationWithdrawnV1.fullType]: (event, tx) => projectWithdrawals(tx, data<Withdrawn>([event])),
    [EffectiveModelChangedV1.fullType]: (event, tx) => projectEffectiveModelFacts(tx, data<EffectiveModel>([event])),
  };
}

/** Batch handlers: a batch's events of one type in one statement. */
export function factBatchHandlers<TTx extends SqlExecutor>(): Record<string, BatchEventHandler<TTx>> {
  return {
    [RegistrationSubmittedV1.fullType]: (events, tx) => projectRegistrations(tx, data<Submitted>(events)),
    [RegistrationWithdrawnV1.fullType]: (events, tx) => projectWithdrawals(tx, data<Withdrawn>(events)),
    [EffectiveModelChangedV1.fullType]: (events, tx) => projectEffectiveModelFacts(tx, data<EffectiveModel>(events)),
  };
}
