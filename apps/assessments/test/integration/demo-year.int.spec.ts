import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AssessmentApprovedV1, AssessmentReturnedV1, AssessmentSubmittedV1, ClassificationDecidedV1, RecognitionDecidedV1 } from '@antt/contracts';
import { createMigratedTestDatabase, type TestDatabase } from '@antt/testing';
import { projectUnitStates } from '@antt/unit-directory';
import { DomainError } from '@antt/auth';
import { demoEvidenceRules } from '../../src/demo/config';
import { loadDemoAssessments, targetClass, waitForRegistrations } from '../../src/demo/load-demo';
import { createAssessmentsDomain } from '../../src/domain/assessments.module';
import { AssessmentRepository } from '../../src/domain/assessment';
import { classify, totalScore } from '../../src/domain/classification';
import { projectEffectiveModelFacts, projectRegistrations } from '../../src/domain/facts';
import { type AssessmentsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';
import { effectiveModelFact2024 } from '../support/seed-tree';
import { syntheticProvince } from '../support/synthetic-province';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const DATES = { earliest: '2000-01-01', latest: '2100-12-31' };

describe('the assessments demo year on a small synthetic province', () => {
  let database: TestDatabase;
  let prisma: AssessmentsPrisma;
  const tree = syntheticProvince({ pendingCommune: true });

  beforeAll(async () => {
    database = await createMigratedTestDatabase('as_demo_', PROJECT_ROOT);
    prisma = createPrismaClient(database.url, 6);
    const campaignId = randomUUID();
    await prisma.$transaction(async (tx) => {
      await projectUnitStates(tx, tree.states);
      await projectRegistrations(
        tx,
        tree.registered.map((unitId) => ({ registrationId: randomUUID(), campaignId, unitId, unitKind: 'RESIDENTIAL_AREA' as const, forSafeStandard: true, forClassification: true, registeredOn: '2024-01-10', late: false, submittedByUnitId: unitId })),
      );
      // models' effective-model fact as its consumer projects it (no models service here): communes A, B and D have an effective
      // model in their 2024 window, commune C has none (its EFFECTIVE_MODEL criterion fails), nor has B's agency (A_5 fails).
      const fact = (unitId: string, hasEffectiveModel: boolean) => effectiveModelFact2024(unitId, hasEffectiveModel);
      await projectEffectiveModelFacts(tx, [fact(tree.id.a, true), fact(tree.id.b, true), fact(tree.id.c, false), fact(tree.id.d!, true), fact(tree.id.agency, false)]);
    });
  }, 120_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('waits for the registrations with a clear message when they do not arrive', async () => {
    await expect(waitForRegistrations(prisma, tree.registered.length + 1, 700, () => undefined)).rejects.toThrow(
      `only ${tree.registered.length} of campaigns' ${tree.registered.length + 1} registrations of 2024 reached assessments`,
    );
  });

  it('drives the 2024 year through the domain and counts what it produced', async () => {
    const lines: string[] = [];
    const outcome = await loadDemoAssessments(prisma, { dates: DATES, expectedRegistrations: tree.registered.length, registrationsTimeoutMs: 5_000, concurrency: 3, log: (line) => lines.push(line) });

    // 4 communes + 6 areas + 1 school in A + 3 areas + 1 agency in B + 3 areas in C + 4 areas in D; the primary school and the
    // unregistered area are not assessed.
    expect(outcome.loaded).toBe(true);
    expect(outcome.assessments).toBe(22);
    expect(await prisma.assessment.count()).toBe(22);
    const classes = outcome.classifications;
    expect(classes.EXCELLENT + classes.GOOD + classes.AVERAGE + classes.WEAK).toBe(22);
    // Each published class is the one the assessment's scores reach under its rule set's bands (R11), and, barring
    // re-scores and corrections, the class the loader aimed at.
    const published = await prisma.unitClassification.findMany({ where: { year: 2024 } });
    const assessments = new AssessmentRepository(prisma);
    const units = new Map(tree.states.map((state) => [state.unitId, state.code]));
    for (const row of published) {
      if (row.revision > 1) continue;
      const assessment = await assessments.find(row.assessmentId);
      const ruleSet = assessment ? await assessments.ruleSets.find(assessment.ruleSetId) : null;
      if (!assessment || !ruleSet) throw new Error(`classification ${row.id} has no dossier`);
      const score = totalScore(ruleSet.items, new Map(assessment.scores.map((s) => [s.itemCode, s.score])));
      expect(row.score).toBeCloseTo(score, 2);
      expect(row.classification).toBe(classify(ruleSet.bands, score));
      const rescored = assessment.scores.some((s) => s.score !== s.selfScore);
      if (!rescored) expect(row.classification).toBe(targetClass(units.get(row.unitId) as string));
    }

    // R6: the incident area is refused by the domain and decided NOT_RECOGNISED; R7: commune B (an unregistered area) fails;
    // commune C passes R7 but has no effective model: ACHIEVED is refused on C_2 and it is decided NOT_ACHIEVED; commune D's R7
    // passes on its share (3/4) but is not final (one area pending): D is left undecided. B's agency has no effective model:
    // ACHIEVED is refused on A_5 and it is decided NOT_ACHIEVED naming it.
    expect(outcome.incidents).toBe(1);
    const decision = (unitId: string) => prisma.safeStandardRecognition.findUniqueOrThrow({ where: { unitId_year: { unitId, year: 2024 } } });
    expect((await decision(tree.id.incidentArea)).status).toBe('NOT_RECOGNISED');
    expect(outcome.communes).toEqual({ passR7: 2, failR7: 1, awaitingFinalR7: 1, refusedOnCriteria: 1 });
    expect(outcome.refusedOnCriteria).toBe(1);
    const agency = await decision(tree.id.agency);
    expect(agency.status).toBe('NOT_RECOGNISED');
    expect(agency.reason).toContain('A_5');
    expect(await prisma.safeStandardRecognition.count({ where: { unitId: { in: [tree.id.d!, tree.id.pendingArea!] } } })).toBe(0);
    const services = createAssessmentsDomain(prisma, { today: () => '2024-12-31', now: () => new Date() }, { dates: DATES, evidence: await demoEvidenceRules({}) }).forRequest();
    expect((await services.derivedRules.evaluate([tree.id.d!], 2024))[0]).toMatchObject({ managedUnits: 4, recognised: 3, decided: 3, passes: true, final: false });
    const communeB = await decision(tree.id.b);
    expect(communeB.status).toBe('NOT_RECOGNISED');
    expect(communeB.reason).toContain('4/5 đơn vị đăng ký');
    expect((await decision(tree.id.a)).status).toBe('RECOGNISED');
    const communeC = await decision(tree.id.c);
    expect(communeC.status).toBe('NOT_RECOGNISED');
    expect(communeC.reason).toContain('C_2');
    // Every approval went through its kind's whole chain (the review plans): residential areas and communes are decided by the
    // last level (the province); the lower-secondary school (commune A) and the agency (commune B) by district D1, where their
    // chain stops.
    const decidedBy = await prisma.unitClassification.findMany({ where: { year: 2024 }, select: { unitKind: true, decidingUnitId: true } });
    const byKind = (kinds: string[]) => decidedBy.filter((row) => kinds.includes(row.unitKind)).map((row) => row.decidingUnitId);
    expect(byKind(['SCHOOL', 'AGENCY'])).toEqual([tree.id.d1, tree.id.d1]);
    expect(byKind(['RESIDENTIAL_AREA', 'COMMUNE']).length).toBe(decidedBy.length - 2);
    expect(byKind(['RESIDENTIAL_AREA', 'COMMUNE']).every((unitId) => unitId === tree.id.province)).toBe(true);
    // The discipline fact of each commune was recorded by its district (0 officers).
    const discipline = await prisma.communePoliceDiscipline.findMany({ where: { year: 2024 } });
    expect(discipline.map((row) => row.disciplinedOfficers)).toEqual([0, 0, 0, 0]);
    expect(await prisma.safeStandardRecognition.count({ where: { unitId: tree.id.unregistered } })).toBe(0);

    // The refused area is corrected to RECOGNISED in January 2025 (R30): one decision (R3), two revisions, the reason kept.
    expect(outcome.recognitions.corrected).toBe(1);
    const corrected = await decision(tree.id.refused);
    expect(corrected).toMatchObject({ status: 'RECOGNISED', revision: 2 });
    const revisions = await prisma.recognitionRevision.findMany({ where: { recognitionId: corrected.id }, orderBy: { revision: 'asc' } });
    expect(revisions.map((r) => [r.revision, r.status, r.action])).toEqual([
      [1, 'NOT_RECOGNISED', 'DECIDED'],
      [2, 'RECOGNISED', 'CORRECTED'],
    ]);
    expect(revisions[1]?.reason).toContain('Phúc tra');

    const statuses = await prisma.safeStandardRecognition.groupBy({ by: ['status'], _count: { _all: true } });
    const count = (status: string) => statuses.find((row) => row.status === status)?._count._all ?? 0;
    expect(outcome.recognitions).toMatchObject({ recognised: count('RECOGNISED'), notRecognised: count('NOT_RECOGNISED'), revoked: count('REVOKED'), pending: 2 });
    // 20 decisions: 16 recognised (the corrected one included), the incident area, B's agency and communes B and C not; D's
    // pending area and commune D itself undecided.
    expect([count('RECOGNISED'), count('NOT_RECOGNISED'), count('REVOKED')]).toEqual([16, 4, 0]);

    // The events the consumers read: submitted (and again after a return), returned, approved, every classification revision,
    // every recognition revision, through the outbox with the contracts.
    const events = await prisma.outboxEvent.groupBy({ by: ['type'], _count: { _all: true } });
    const ofType = (type: string) => events.find((row) => row.type === type)?._count._all ?? 0;
    expect(ofType(AssessmentSubmittedV1.fullType)).toBe(22 + outcome.returned);
    expect(ofType(AssessmentReturnedV1.fullType)).toBe(outcome.returned);
    expect(ofType(AssessmentApprovedV1.fullType)).toBe(22);
    expect(ofType(ClassificationDecidedV1.fullType)).toBe(22 + outcome.classificationCorrections);
    expect(ofType(RecognitionDecidedV1.fullType)).toBe(20 + 1);
    expect(await prisma.classificationRevision.count({ where: { reason: { not: null } } })).toBe(outcome.classificationCorrections);
    expect(lines.at(-1)).toContain('22 classifications');

    // Loaded once: a second run does nothing.
    expect((await loadDemoAssessments(prisma, { dates: DATES, expectedRegistrations: 0, registrationsTimeoutMs: 1_000, concurrency: 2, log: () => undefined })).loaded).toBe(false);
  }, 180_000);

  it('refuses to correct a refusal to ACHIEVED while the assessment fails a criterion (commune C, no effective model), nothing written', async () => {
    const services = createAssessmentsDomain(prisma, { today: () => '2025-01-20', now: () => new Date() }, { dates: DATES, evidence: await demoEvidenceRules({}) }).forRequest();
    const before = await prisma.recognitionRevision.count();
    const error = await services.recognitions
      .correct(
        { caller: { subject: 'pv05@tb', roles: ['LEVEL_OFFICER'], jurisdictionUnitId: tree.id.province }, correlationId: 'test' },
        { unitId: tree.id.c, year: 2024, outcome: 'ACHIEVED', correctedOn: '2025-01-15', reason: 'Phúc tra', decisionNumber: '12/QĐ-UBND' },
      )
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ reason: 'RECOGNITION_CRITERION_FAILED', details: { criteria: ['C_2'] } });
    expect(await prisma.recognitionRevision.count()).toBe(before);
    expect((await prisma.safeStandardRecognition.findUniqueOrThrow({ where: { unitId_year: { unitId: tree.id.c, year: 2024 } } })).status).toBe('NOT_RECOGNISED');
  });
});
