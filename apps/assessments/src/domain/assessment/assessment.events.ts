import { AssessmentApprovedV1, AssessmentReturnedV1, AssessmentSubmittedV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type AssessmentView } from './assessment.types';

function step(assessment: AssessmentView, ruleSetCode: string, totalScore: number) {
  return {
    assessmentId: assessment.id,
    unitId: assessment.unitId,
    unitKind: assessment.unitKind,
    year: assessment.year,
    ruleSetVersion: ruleSetCode,
    reviewingUnitId: assessment.reviewingUnitId,
    totalScore,
    revision: assessment.revision,
  };
}

/** `assessments.assessment.submitted.v1` */
export function assessmentSubmitted(assessment: AssessmentView, ruleSetCode: string, totalScore: number, correlationId: string | undefined): NewEvent<EventContract> {
  return { contract: AssessmentSubmittedV1, aggregateId: assessment.unitId, correlationId, data: { ...step(assessment, ruleSetCode, totalScore), submittedOn: assessment.submittedOn } };
}

/** `assessments.assessment.returned.v1` */
export function assessmentReturned(assessment: AssessmentView, ruleSetCode: string, totalScore: number, returnedOn: string, correlationId: string | undefined): NewEvent<EventContract> {
  return {
    contract: AssessmentReturnedV1,
    aggregateId: assessment.unitId,
    correlationId,
    data: { ...step(assessment, ruleSetCode, totalScore), returnedOn, reason: assessment.returnReason ?? '' },
  };
}

/** `assessments.assessment.approved.v1` */
export function assessmentApproved(assessment: AssessmentView, ruleSetCode: string, totalScore: number, correlationId: string | undefined): NewEvent<EventContract> {
  return { contract: AssessmentApprovedV1, aggregateId: assessment.unitId, correlationId, data: { ...step(assessment, ruleSetCode, totalScore), approvedOn: assessment.approvedOn ?? '' } };
}
