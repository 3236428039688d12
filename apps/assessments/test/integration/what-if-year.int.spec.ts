import { randomUUID } from 'node:crypto';
import { loadDemoAssessments } from '../../src/demo/load-demo';
import { AssessmentRepository } from '../../src/domain/assessment';
import { classify, totalScore } from '../../src/domain/classification';
import { projectRegistrations } from '../../src/domain/facts';
import { type AssessmentsHarness, as, startHarness, tableCounts } from '../support/assessments-harness';
import { syntheticProvince } from '../support/synthetic-province';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const WHAT_IF_YEAR = `query($input: WhatIfYearInput!, $first: Int, $after: String) { whatIfYear(input: $input) {
  year minRecognisedPercent assessments changedClassifications ruleSets { code }
  published { excellent good average weak } whatIf { excellent good average weak }
  communes communesPassing communesPassingWhatIf
  differences(first: $first, after: $after) { totalCount endCursor hasNextPage units { unit { id } unitCode unitKind ruleSetCode publishedClassification publishedScore classification totalScore } }
  communeDifferences { totalCount communes { commune { id } communeCode recognised managedUnits recognisedPercent passes passesWhatIf } } } }`;

/**
 * "What if" for a whole year through the gateway, on the demo year of a small synthetic province (the loader through the
 * domain): every published classification re-evaluated under a draft residential-area version with halved maxima, R7 under a
 * stricter share; summary counts, per-unit differences in pages, the caller's jurisdiction, nothing written.
 */
describe('assessments: what if for a whole year', () => {
  let h: AssessmentsHarness;
  const tree = syntheticProvince();
  const province = as('pv05@thaibinh', 'STEERING_OFFICER', tree.id.province);
  const communeA = as('ca@commune-a', 'LEVEL_OFFICER', tree.id.a);
  const DRAFT = 'TB-2030-RESIDENTIAL_AREA-HALVED';

  beforeAll(async () => {
    h = await startHarness('2026-01-15');
    await h.project(tree.states);
    const campaignId = randomUUID();
    await h.prisma.$transaction((tx) =>
      projectRegistrations(
        tx,
        tree.registered.map((unitId) => ({ registrationId: randomUUID(), campaignId, unitId, unitKind: 'RESIDENTIAL_AREA' as const, forSafeStandard: true, forClassification: true, registeredOn: '2024-01-10', late: false, submittedByUnitId: unitId })),
      ),
    );
    const outcome = await loadDemoAssessments(h.prisma, { dates: { earliest: '2000-01-01', latest: '2100-12-31' }, expectedRegistrations: tree.registered.length, registrationsTimeoutMs: 5_000, concurrency: 3, log: () => undefined });
    expect(outcome.assessments).toBe(17);
    // A draft version for residential areas: the 2024 items with halved maxima, the same bands.
    const base = await h.prisma.ruleSet.findUniqueOrThrow({ where: { code: 'TB-2024-RESIDENTIAL_AREA' }, include: { items: true } });
    await h.prisma.ruleSet.create({
      data: {
        id: randomUUID(),
        code: DRAFT,
        provinceCode: 'TB',
        unitKind: 'RESIDENTIAL_AREA',
        fromYear: 2030,
        title: 'Dự thảo: điểm tối đa giảm một nửa',
        windowStart: base.windowStart,
        windowEnd: base.windowEnd,
        deadline: base.deadline,
        bands: base.bands as never,
        bandsVerified: false,
        items: { create: base.items.map((item) => ({ code: item.code, maxPoints: item.maxPoints / 2, position: item.position, title: item.title })) },
      },
    });
  }, 180_000);
  afterAll(async () => h?.close());

  it('answers summary counts and paged per-unit differences for the province, and writes nothing', async () => {
    const before = await tableCounts(h.prisma);
    const published = await h.prisma.unitClassification.findMany({ orderBy: { unitId: 'asc' } });
    const ask = (first: number, after: string | null, minRecognisedPercent: number | null = 90) =>
      h.request<Data>(WHAT_IF_YEAR, { input: { year: 2024, ruleSetCodes: [DRAFT], minRecognisedPercent }, first, after }, province);
    const answer = await ask(50, null);
    expect(answer.errors).toBeUndefined();
    const result = answer.data!.whatIfYear;

    // The expected differences, from the dossiers' scores under the draft (domain functions, independent of the service's query).
    const repository = new AssessmentRepository(h.prisma);
    const draft = await repository.ruleSets.byCode(DRAFT);
    const expected: Array<{ unitId: string; classification: string; totalScore: number }> = [];
    const count = (rows: Array<{ classification: string }>, name: string) => rows.filter((row) => row.classification === name).length;
    const after: Array<{ classification: string }> = [];
    for (const row of published) {
      if (row.unitKind !== 'RESIDENTIAL_AREA') {
        after.push(row);
        continue;
      }
      const assessment = await repository.find(row.assessmentId);
      const total = totalScore(draft!.items, new Map(assessment!.scores.map((s) => [s.itemCode, s.score])));
      const classification = classify(draft!.bands, total);
      after.push({ classification });
      if (classification !== row.classification || Math.abs(total - row.score) >= 0.005) expected.push({ unitId: row.unitId, classification, totalScore: total });
    }
    expect(result).toMatchObject({
      year: 2024,
      minRecognisedPercent: 90,
      assessments: 17,
      ruleSets: [{ code: DRAFT }],
      published: { excellent: count(published, 'EXCELLENT'), good: count(published, 'GOOD'), average: count(published, 'AVERAGE'), weak: count(published, 'WEAK') },
      whatIf: { excellent: count(after, 'EXCELLENT'), good: count(after, 'GOOD'), average: count(after, 'AVERAGE'), weak: count(after, 'WEAK') },
    });
    // Residential areas scored above half of an item's maximum are clamped down under the draft (WEAK ones may not be).
    expect(result.differences.totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(5);
    expect(result.changedClassifications).toBe(expected.filter((e) => e.classification !== published.find((p) => p.unitId === e.unitId)!.classification).length);
    expect(result.differences.units.every((u: Data) => u.unitKind === 'RESIDENTIAL_AREA' && u.ruleSetCode === DRAFT && u.totalScore < u.publishedScore)).toBe(true);
    for (const unit of result.differences.units) {
      expect(expected.find((e) => e.unitId === unit.unit.id)).toMatchObject({ classification: unit.classification, totalScore: unit.totalScore });
    }

    // R7 with 90%: A and C pass as published (B has an unregistered area); A has 6 of 7 recognised (85.7%) and fails at 90%.
    expect(result).toMatchObject({ communes: 3, communesPassing: 2, communesPassingWhatIf: 1 });
    expect(result.communeDifferences).toEqual({
      totalCount: 1,
      communes: [{ commune: { id: tree.id.a }, communeCode: expect.any(String), recognised: 6, managedUnits: 7, recognisedPercent: 85.7, passes: true, passesWhatIf: false }],
    });
    const standard = (await ask(50, null, null)).data!.whatIfYear;
    expect(standard).toMatchObject({ minRecognisedPercent: 70, communesPassingWhatIf: 2, communeDifferences: { totalCount: 0 } });

    // Pages of 5 until the end: no overlap, in code order, every difference once.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Data = (await ask(5, cursor)).data!.whatIfYear.differences;
      expect(page.units.length).toBeLessThanOrEqual(5);
      seen.push(...page.units.map((u: Data) => u.unitCode));
      cursor = page.endCursor;
      if (!page.hasNextPage) break;
    }
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen).size).toBe(expected.length);
    expect([...seen].sort()).toEqual(seen);

    // Published results and every table as they were.
    expect(await tableCounts(h.prisma)).toEqual(before);
    expect(await h.prisma.unitClassification.findMany({ orderBy: { unitId: 'asc' } })).toEqual(published);
  });

  it("limits a commune's officer to its jurisdiction", async () => {
    const province = await h.request<Data>(WHAT_IF_YEAR, { input: { year: 2024, ruleSetCodes: [DRAFT] }, first: 50, after: null }, as('pv05@tb', 'STEERING_OFFICER', tree.id.province));
    const areasOfA = new Set(tree.states.filter((state) => state.timeline[0]?.parentId === tree.id.a).map((state) => state.unitId));
    const inA = province.data!.whatIfYear.differences.units.filter((u: Data) => areasOfA.has(u.unit.id)).length;
    const answer = await h.request<Data>(WHAT_IF_YEAR, { input: { year: 2024, ruleSetCodes: [DRAFT] }, first: 50, after: null }, communeA);
    expect(answer.errors).toBeUndefined();
    // Commune A itself, its 6 residential areas and its lower-secondary school.
    expect(answer.data!.whatIfYear).toMatchObject({ assessments: 8, communes: 1, differences: { totalCount: inA } });
    expect(answer.data!.whatIfYear.differences.units.every((u: Data) => areasOfA.has(u.unit.id))).toBe(true);
  });

  it('refuses bad input with stable reasons', async () => {
    const reason = async (input: Record<string, unknown>, extra: Record<string, unknown> = {}, caller = province) =>
      (await h.request<Data>(WHAT_IF_YEAR, { input: { year: 2024, ruleSetCodes: [DRAFT], ...input }, first: 5, after: null, ...extra }, caller)).errors?.[0]?.extensions;
    expect(await reason({ ruleSetCodes: ['NO-SUCH'] })).toMatchObject({ reason: 'WHAT_IF_RULE_SET_NOT_FOUND' });
    expect(await reason({ ruleSetCodes: [DRAFT, 'TB-2024-RESIDENTIAL_AREA'] })).toMatchObject({ reason: 'WHAT_IF_RULE_SET_KIND_REPEATED', field: 'ruleSetCodes[1]' });
    expect(await reason({ minRecognisedPercent: 120 })).toMatchObject({ reason: 'WHAT_IF_INVALID_PERCENT', field: 'minRecognisedPercent' });
    expect(await reason({ year: 1800 })).toMatchObject({ reason: 'INVALID_YEAR' });
    expect(await reason({}, { after: 'not-a-cursor' })).toMatchObject({ reason: 'INVALID_CURSOR', field: 'after' });
    expect(await reason({}, { first: 0 })).toMatchObject({ reason: 'INVALID_PAGE_SIZE' });
    expect(await reason({}, {}, as('truongthon@a', 'UNIT_OFFICER', tree.id.incidentArea))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
