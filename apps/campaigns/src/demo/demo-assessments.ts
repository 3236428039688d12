import { createHash } from 'node:crypto';
import { ClassificationDecidedV1, RecognitionDecidedV1, type UnitKind } from '@antt/contracts';
import { appendToOutbox, type NewEvent } from '@antt/events';
import { UnitDirectory, safeStandardScope } from '@antt/unit-directory';
import { type PrismaClient } from '../generated/prisma/client';
import { type ClassificationDecision, type RecognitionDecision } from '../domain/attainment';
import { REGISTERING_KINDS } from '../domain/registration';

const YEAR = 2024;
const TREE_DATE = '2024-06-01';

/** A stable pseudo-random number 0..999 per unit code and purpose: the same units get the same results on every machine. */
function draw(code: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${code}`).digest().readUInt16BE(0) % 1000;
}

/** The demo's 2024 decisions, as the assessments service would publish them. */
export interface DemoAssessments {
  recognitions: RecognitionDecision[];
  classifications: ClassificationDecision[];
}

/**
 * Stand-in results of the 2024 assessments for the units of a province's 2024 campaign family (assessments, issue 8, does not
 * exist yet): of the units registered for the safe standard, about 88% recognised (residential areas on 25/11, the others on
 * 10/12; about 1% of those revoked on 20/12), about 6% not recognised, the rest still pending; of the units registered for
 * classification about 7% EXCELLENT, 53% GOOD, 30% AVERAGE, 10% WEAK. The deciding unit is the managing level (R2): the
 * unit's managing unit, else its parent, on the tree of 2024.
 */
export async function demoAssessments(prisma: PrismaClient, provinceCode: string): Promise<DemoAssessments> {
  const province = await prisma.directoryUnit.findFirst({ where: { code: provinceCode } });
  const top = province ? await prisma.campaign.findFirst({ where: { scopeUnitId: province.unitId, parentCampaignId: null, periodStart: new Date(`${YEAR}-01-01`) } }) : null;
  if (!province || !top) return { recognitions: [], classifications: [] };
  const units = await new UnitDirectory(prisma).descendantsOf(province.unitId, TREE_DATE, REGISTERING_KINDS);
  const registrations = new Map((await prisma.registration.findMany({ where: { rootCampaignId: top.id, status: 'SUBMITTED' } })).map((r) => [r.unitId, r]));
  const recognitions: RecognitionDecision[] = [];
  const classifications: ClassificationDecision[] = [];
  for (const unit of units) {
    const registration = registrations.get(unit.unitId);
    if (!registration) continue;
    const kind = unit.kind as UnitKind;
    const common = { unitId: unit.unitId, unitKind: kind, year: YEAR, campaignId: registration.campaignId, decidingUnitId: unit.managingUnitId ?? unit.parentId ?? province.unitId, revision: 1 };
    const residential = kind === 'RESIDENTIAL_AREA';
    if (registration.forSafeStandard && safeStandardScope(kind, unit.attributes).applies) {
      const roll = draw(unit.code, 'recognition');
      const recognisedOn = residential ? `${YEAR}-11-25` : `${YEAR}-12-10`;
      if (roll >= 120) {
        const revoked = roll < 130;
        recognitions.push({
          ...common,
          revision: revoked ? 2 : 1,
          decisionNumber: `${100 + (roll % 400)}/QĐ-UBND`,
          status: revoked ? 'REVOKED' : 'RECOGNISED',
          decidedOn: revoked ? `${YEAR}-12-20` : recognisedOn,
          recognisedOn,
          revokedOn: revoked ? `${YEAR}-12-20` : null,
          reason: revoked ? 'Để xảy ra vụ việc phức tạp về an ninh, trật tự sau khi được công nhận' : null,
        });
      } else if (roll >= 60) {
        recognitions.push({ ...common, decisionNumber: null, status: 'NOT_RECOGNISED', decidedOn: recognisedOn, recognisedOn: null, revokedOn: null, reason: 'Chưa đạt tiêu chí đăng ký 100% hộ gia đình' });
      }
    }
    if (registration.forClassification) {
      const roll = draw(unit.code, 'classification');
      const classification = roll < 70 ? 'EXCELLENT' : roll < 600 ? 'GOOD' : roll < 900 ? 'AVERAGE' : 'WEAK';
      const score = { EXCELLENT: 92, GOOD: 82, AVERAGE: 68, WEAK: 45 }[classification] + (roll % 7);
      classifications.push({ ...common, decisionNumber: null, classification, score, ruleSetVersion: 'QD510-2022', decidedOn: residential ? `${YEAR}-11-20` : `${YEAR}-11-30` });
    }
  }
  return { recognitions, classifications };
}

/** The demo step's source: the events are the demo's stand-in for the assessments service, not campaigns' own. */
export const DEMO_ASSESSMENTS_SOURCE = 'assessments-demo';

/**
 * DEMO ONLY: appends the demo's 2024 assessments as contract-valid `assessments.*` events to the campaigns outbox in one
 * transaction (source `urn:antt:assessments-demo`), so that the running campaigns relay publishes them on the assessments
 * topic and the attainment consumer applies them through Kafka as it will the real service's. Does nothing when they were
 * published before.
 */
export async function publishDemoAssessments(prisma: PrismaClient, provinceCode: string): Promise<{ recognitions: number; classifications: number }> {
  // Published before: still in the outbox, or already applied (the outbox's published rows are purged after a while).
  const inOutbox = await prisma.outboxEvent.count({ where: { type: { in: [RecognitionDecidedV1.fullType, ClassificationDecidedV1.fullType] } } });
  const applied = await prisma.unitClassification.count({ where: { year: YEAR } });
  if (inOutbox + applied > 0) return { recognitions: 0, classifications: 0 };
  const { recognitions, classifications } = await demoAssessments(prisma, provinceCode);
  const events: NewEvent[] = [
    ...recognitions.map((data) => ({ contract: RecognitionDecidedV1, aggregateId: data.unitId, data, correlationId: 'demo-assessments-2024' })),
    ...classifications.map((data) => ({ contract: ClassificationDecidedV1, aggregateId: data.unitId, data, correlationId: 'demo-assessments-2024' })),
  ];
  await prisma.$transaction((tx) => appendToOutbox(tx, events, { source: DEMO_ASSESSMENTS_SOURCE }), { timeout: 60_000 });
  return { recognitions: recognitions.length, classifications: classifications.length };
}
