import { ASSESSMENT_EVENTS, ClassificationDecidedV1, type EventPayload, RecognitionDecidedV1 } from '@antt/contracts';
import { type BatchEventHandler, type EventEnvelope, type EventHandler, type SqlExecutor } from '@antt/events';

export type RecognitionDecision = EventPayload<typeof RecognitionDecidedV1>;
export type ClassificationDecision = EventPayload<typeof ClassificationDecidedV1>;

/** The topic the attainment read model is fed from. */
export const ATTAINMENT_TOPICS = [...new Set(ASSESSMENT_EVENTS.map((contract) => contract.topic))];

/** The highest revision per (unit, year): one statement may not touch a row twice, and the highest wins anyway. */
export function latestPerUnitYear<T extends { unitId: string; year: number; revision: number }>(decisions: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const decision of decisions) {
    const key = `${decision.year}:${decision.unitId}`;
    const held = latest.get(key);
    if (!held || decision.revision > held.revision) latest.set(key, decision);
  }
  return [...latest.values()].sort((a, b) => a.year - b.year || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

// Upserts in one statement; a row is replaced only by a higher revision, so redeliveries and older events change nothing.
const UPSERT_RECOGNITIONS = `
INSERT INTO unit_recognition (unit_id, year, unit_kind, status, decided_on, recognised_on, revoked_on, deciding_unit_id,
                              decision_number, campaign_id, revision, updated_at)
SELECT unit_id, year, unit_kind, status, decided_on, recognised_on, revoked_on, deciding_unit_id, decision_number, campaign_id, revision, now()
FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::uuid[], $9::text[], $10::uuid[], $11::int[])
  AS d(unit_id, year, unit_kind, status, decided_on, recognised_on, revoked_on, deciding_unit_id, decision_number, campaign_id, revision)
ON CONFLICT (year, unit_id) DO UPDATE SET
  unit_kind = excluded.unit_kind, status = excluded.status, decided_on = excluded.decided_on, recognised_on = excluded.recognised_on,
  revoked_on = excluded.revoked_on, deciding_unit_id = excluded.deciding_unit_id, decision_number = excluded.decision_number,
  campaign_id = excluded.campaign_id, revision = excluded.revision, updated_at = now()
WHERE unit_recognition.revision < excluded.revision`;

const UPSERT_CLASSIFICATIONS = `
INSERT INTO unit_classification (unit_id, year, unit_kind, classification, score, rule_set_version, decided_on, deciding_unit_id,
                                 decision_number, campaign_id, revision, updated_at)
SELECT unit_id, year, unit_kind, classification, score, rule_set_version, decided_on, deciding_unit_id, decision_number, campaign_id, revision, now()
FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::date[], $8::uuid[], $9::text[], $10::uuid[], $11::int[])
  AS d(unit_id, year, unit_kind, classification, score, rule_set_version, decided_on, deciding_unit_id, decision_number, campaign_id, revision)
ON CONFLICT (year, unit_id) DO UPDATE SET
  unit_kind = excluded.unit_kind, classification = excluded.classification, score = excluded.score,
  rule_set_version = excluded.rule_set_version, decided_on = excluded.decided_on, deciding_unit_id = excluded.deciding_unit_id,
  decision_number = excluded.decision_number, campaign_id = excluded.campaign_id, revision = excluded.revision, updated_at = now()
WHERE unit_classification.revision < excluded.revision`;

/** Keeps recognitions, replacing a unit's year only with a higher revision (same result in any order, idempotent). */
export async function projectRecognitions(tx: SqlExecutor, decisions: readonly RecognitionDecision[]): Promise<void> {
  const rows = latestPerUnitYear(decisions);
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    UPSERT_RECOGNITIONS,
    rows.map((r) => r.unitId),
    rows.map((r) => r.year),
    rows.map((r) => r.unitKind),
    rows.map((r) => r.status),
    rows.map((r) => r.decidedOn),
    rows.map((r) => r.recognisedOn),
    rows.map((r) => r.revokedOn),
    rows.map((r) => r.decidingUnitId),
    rows.map((r) => r.decisionNumber),
    rows.map((r) => r.campaignId),
    rows.map((r) => r.revision),
  );
}

/** Keeps classifications, replacing a unit's year only with a higher revision. */
export async function projectClassifications(tx: SqlExecutor, decisions: readonly ClassificationDecision[]): Promise<void> {
  const rows = latestPerUnitYear(decisions);
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    UPSERT_CLASSIFICATIONS,
    rows.map((r) => r.unitId),
    rows.map((r) => r.year),
    rows.map((r) => r.unitKind),
    rows.map((r) => r.classification),
    rows.map((r) => r.score),
    rows.map((r) => r.ruleSetVersion),
    rows.map((r) => r.decidedOn),
    rows.map((r) => r.decidingUnitId),
    rows.map((r) => r.decisionNumber),
    rows.map((r) => r.campaignId),
    rows.map((r) => r.revision),
  );
}

const data = <T>(events: ReadonlyArray<EventEnvelope>) => events.map((event) => event.data as T);

/** Per-record handlers of the attainment consumer (also the batch mode's fallback). */
export function attainmentHandlers<TTx extends SqlExecutor>(): Record<string, EventHandler<TTx>> {
  return {
    [RecognitionDecidedV1.fullType]: (event, tx) => projectRecognitions(tx, data<RecognitionDecision>([event])),
    [ClassificationDecidedV1.fullType]: (event, tx) => projectClassifications(tx, data<ClassificationDecision>([event])),
  };
}

/** Batch handlers of the attainment consumer: a batch's decisions of one type in one statement. */
export function attainmentBatchHandlers<TTx extends SqlExecutor>(): Record<string, BatchEventHandler<TTx>> {
  return {
    [RecognitionDecidedV1.fullType]: (events, tx) => projectRecognitions(tx, data<RecognitionDecision>(events)),
    [ClassificationDecidedV1.fullType]: (events, tx) => projectClassifications(tx, data<ClassificationDecision>(events)),
  };
}
