import { type Identity } from '@antt/auth';
import { type AssessmentService, type AssessmentView } from '../domain/assessment';
import { approveThroughChain } from './review-chain';

const submitted = (reviewingUnitId: string): AssessmentView => ({
  id: 'a1',
  unitId: 'village',
  unitKind: 'RESIDENTIAL_AREA',
  year: 2024,
  ruleSetId: 'rs',
  status: 'SUBMITTED',
  reviewingUnitId,
  submittedOn: '2024-11-04',
  returnReason: null,
  approvedOn: null,
  revision: 1,
  scores: [],
  currentStep: 0,
  reviewSteps: [],
  reviewPlanId: null,
});

/** A review chain as a domain might run it: each approval by the level named next moves the assessment one level up. */
function chain(levels: readonly string[], stuckAt: string | null = null) {
  const calls: Array<{ level: string; approvedOn: string }> = [];
  const service = {
    approve: async (context: { caller: Identity }, input: { assessmentId: string; approvedOn: string }) => {
      const level = context.caller.jurisdictionUnitId;
      calls.push({ level, approvedOn: input.approvedOn });
      const next = levels[levels.indexOf(level) + 1];
      if (level === stuckAt) return submitted(level);
      return next ? submitted(next) : { ...submitted(level), status: 'APPROVED' as const, approvedOn: input.approvedOn };
    },
  } as unknown as AssessmentService;
  return { service, calls };
}

const officerOf = (unitId: string): Identity => ({ subject: `ubnd@${unitId}`, roles: ['LEVEL_OFFICER'], jurisdictionUnitId: unitId });

describe('approveThroughChain', () => {
  it('approves once when the domain reviews at one level', async () => {
    const { service, calls } = chain(['commune']);
    const approved = await approveThroughChain(service, officerOf, submitted('commune'), '2024-11-15', '1/QĐ', 'c');
    expect(approved.status).toBe('APPROVED');
    expect(calls.map((call) => call.level)).toEqual(['commune']);
  });

  it('keeps approving at the level the domain names next until APPROVED (commune → district → province)', async () => {
    const { service, calls } = chain(['commune', 'district', 'province']);
    const approved = await approveThroughChain(service, officerOf, submitted('commune'), '2024-11-15', null, 'c');
    expect(approved.status).toBe('APPROVED');
    expect(calls.map((call) => call.level)).toEqual(['commune', 'district', 'province']);
  });

  it('stops with an error when the chain does not advance', async () => {
    const { service } = chain(['commune', 'district'], 'district');
    await expect(approveThroughChain(service, officerOf, submitted('commune'), '2024-11-15', null, 'c')).rejects.toThrow('the review chain does not advance');
  });
});
