import { reminderEvent } from '../review-reminder/review-reminder.events';
import { assessmentApproved, assessmentReturned, assessmentSubmitted } from './assessment.events';
import { type AssessmentView } from './assessment.types';

const assessment: AssessmentView = {
  id: '5b0c1f7e-8f61-4f0a-9a59-2f3c4d5e6f70',
  unitId: '0f8b5a52-6a43-4f4e-8a39-3d1c2b4a5e60',
  unitKind: 'RESIDENTIAL_AREA',
  year: 2024,
  ruleSetId: 'a1b2c3d4-0000-4000-8000-000000000001',
  status: 'APPROVED',
  reviewingUnitId: '9d3f6a1e-2b4c-4d5e-8f70-112233445566',
  submittedOn: '2024-11-05',
  returnReason: 'Thiếu biên bản',
  approvedOn: '2024-11-18',
  revision: 2,
  scores: [],
  currentStep: 0,
  reviewSteps: [],
  reviewPlanId: null,
};

describe('review events', () => {
  it('are keyed by the assessed unit, and their contracts (hence the catalogue) say so', () => {
    const events = [
      assessmentSubmitted(assessment, 'TB-2024-RESIDENTIAL_AREA', 86.5, undefined),
      assessmentReturned(assessment, 'TB-2024-RESIDENTIAL_AREA', 86.5, '2024-11-08', undefined),
      assessmentApproved(assessment, 'TB-2024-RESIDENTIAL_AREA', 86.5, undefined),
      ...(['DUE_SOON', 'OVERDUE'] as const).map((kind) =>
        reminderEvent({ kind, days: 1, assessmentId: assessment.id, unitId: assessment.unitId, unitKind: 'RESIDENTIAL_AREA', year: 2024, levelUnitId: assessment.reviewingUnitId, position: 0, deadline: '2024-11-20' }),
      ),
    ];
    for (const event of events) {
      expect(event.aggregateId).toBe(assessment.unitId);
      expect(event.contract.aggregateType).toBe('Unit');
    }
  });
});
