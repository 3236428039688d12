import { type ReviewPlanView } from '../rule-set/review-plan.types';
import { type AssessmentView, type ReviewStepView } from './assessment.types';
import { chainAsOf, isOverdue, planReviewChain, reviewDeadlineOf, type TreeLevel } from './review-chain';

const plan = (levels: Array<[ReviewPlanView['levels'][number]['levelKind'], string, boolean]>): Pick<ReviewPlanView, 'levels'> => ({
  levels: levels.map(([levelKind, deadline, final], position) => ({ position, levelKind, deadline, final })),
});
/** The 2024 Thái Bình plans as seeded. */
const residentialArea = plan([
  ['COMMUNE', '11-20', false],
  ['DISTRICT', '11-30', false],
  ['PROVINCE', '12-15', true],
]);
const commune = plan([
  ['DISTRICT', '11-30', false],
  ['PROVINCE', '12-15', true],
]);
const school = plan([
  ['COMMUNE', '11-20', false],
  ['DISTRICT', '11-30', true],
  ['PROVINCE', '11-30', true],
]);

const level = (unitId: string, kind: string): TreeLevel => ({ unitId, kind });
const tree2024 = [level('xa', 'COMMUNE'), level('huyen', 'DISTRICT'), level('tinh', 'PROVINCE')];
const tree2025 = [level('xa', 'COMMUNE'), level('tinh', 'PROVINCE')];

describe('planReviewChain', () => {
  it('a 2024 village: commune by 20/11, district by 30/11, province by 15/12 (final)', () => {
    expect(planReviewChain(tree2024, residentialArea, 2024)).toEqual([
      { levelUnitId: 'xa', deadline: '2024-11-20' },
      { levelUnitId: 'huyen', deadline: '2024-11-30' },
      { levelUnitId: 'tinh', deadline: '2024-12-15' },
    ]);
  });

  it('a 2025 village on the tree without districts: the missing level is skipped, commune → province', () => {
    expect(planReviewChain(tree2025, residentialArea, 2025)).toEqual([
      { levelUnitId: 'xa', deadline: '2025-11-20' },
      { levelUnitId: 'tinh', deadline: '2025-12-15' },
    ]);
  });

  it('a commune: its district by 30/11, then the province by 15/12', () => {
    expect(planReviewChain([level('huyen', 'DISTRICT'), level('tinh', 'PROVINCE')], commune, 2024)).toEqual([
      { levelUnitId: 'huyen', deadline: '2024-11-30' },
      { levelUnitId: 'tinh', deadline: '2024-12-15' },
    ]);
  });

  it('a school under a commune stops at the district (final), the province never sees it', () => {
    expect(planReviewChain(tree2024, school, 2024)).toEqual([
      { levelUnitId: 'xa', deadline: '2024-11-20' },
      { levelUnitId: 'huyen', deadline: '2024-11-30' },
    ]);
  });

  it('a school managed by the district is reviewed there only; one managed by the province there only', () => {
    expect(planReviewChain([level('huyen', 'DISTRICT'), level('tinh', 'PROVINCE')], school, 2024)).toEqual([{ levelUnitId: 'huyen', deadline: '2024-11-30' }]);
    expect(planReviewChain([level('tinh', 'PROVINCE')], school, 2024)).toEqual([{ levelUnitId: 'tinh', deadline: '2024-11-30' }]);
  });

  it('a school under a commune in 2025 (no district): commune → province, final there', () => {
    expect(planReviewChain(tree2025, school, 2025)).toEqual([
      { levelUnitId: 'xa', deadline: '2025-11-20' },
      { levelUnitId: 'tinh', deadline: '2025-11-30' },
    ]);
  });

  it('skips a level the plan does not name, and is empty when it names none of the tree’s levels', () => {
    expect(planReviewChain(tree2024, commune, 2024)).toEqual([
      { levelUnitId: 'huyen', deadline: '2024-11-30' },
      { levelUnitId: 'tinh', deadline: '2024-12-15' },
    ]);
    expect(planReviewChain([level('tinh', 'PROVINCE')], plan([['COMMUNE', '11-20', true]]), 2024)).toEqual([]);
  });
});

const steps = (statuses: ReviewStepView['status'][], deadlines = ['2024-11-20', '2024-11-30', '2024-12-15']): ReviewStepView[] =>
  statuses.map((status, position) => ({ position, levelUnitId: `l${position}`, status, decidedOn: status === 'PENDING' ? null : '2024-11-10', actor: null, deadline: deadlines[position] as string }));
const assessment = (status: AssessmentView['status'], currentStep: number, reviewSteps: ReviewStepView[]) => ({ status, currentStep, reviewSteps });
const flags = (view: ReturnType<typeof chainAsOf>) => view.map((step) => [step.current, step.overdue]);

describe('overdue per level', () => {
  const atCommune = assessment('SUBMITTED', 0, steps(['PENDING', 'PENDING', 'PENDING']));

  it('nothing is overdue on the commune’s deadline itself (due by, inclusive)', () => {
    expect(flags(chainAsOf(atCommune, '2024-11-20'))).toEqual([
      [true, false],
      [false, false],
      [false, false],
    ]);
    expect(isOverdue(atCommune, '2024-11-20')).toBe(false);
  });

  it('after 20/11 the commune’s step is overdue, the district’s not until after 30/11, the province’s not until after 15/12', () => {
    expect(flags(chainAsOf(atCommune, '2024-11-21'))).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
    expect(isOverdue(atCommune, '2024-11-21')).toBe(true);
    expect(flags(chainAsOf(atCommune, '2024-12-01'))).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);
    expect(flags(chainAsOf(atCommune, '2024-12-16')).map(([, overdue]) => overdue)).toEqual([true, true, true]);
  });

  it('at the district on time: overdue only once the district’s own deadline has passed', () => {
    const atDistrict = assessment('SUBMITTED', 1, steps(['APPROVED', 'PENDING', 'PENDING']));
    expect(reviewDeadlineOf(atDistrict)).toBe('2024-11-30');
    expect(isOverdue(atDistrict, '2024-11-25')).toBe(false);
    expect(flags(chainAsOf(atDistrict, '2024-12-01'))).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
  });

  it('an approved assessment is never overdue and has no review deadline', () => {
    const approved = assessment('APPROVED', 2, steps(['APPROVED', 'APPROVED', 'APPROVED']));
    expect(reviewDeadlineOf(approved)).toBeNull();
    expect(isOverdue(approved, '2025-06-01')).toBe(false);
    expect(chainAsOf(approved, '2025-06-01').some((step) => step.overdue || step.current)).toBe(false);
  });

  it('a returned assessment is due by the deadline of the level that returned it', () => {
    const returned = assessment('RETURNED', 2, steps(['APPROVED', 'APPROVED', 'RETURNED']));
    expect(reviewDeadlineOf(returned)).toBe('2024-12-15');
    expect(isOverdue(returned, '2024-12-15')).toBe(false);
    expect(isOverdue(returned, '2024-12-16')).toBe(true);
    expect(chainAsOf(returned, '2024-12-16').some((step) => step.current)).toBe(false);
  });
});
