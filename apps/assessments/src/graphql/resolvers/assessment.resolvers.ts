import { ASSESSMENT_STATUS_LABELS } from '../../domain/assessment';
import { CLASSIFICATION_LABELS, classify } from '../../domain/classification';
import { type AssessmentChangeResolvers, type AssessmentResolvers, type ClassificationRevisionResolvers, type UnitClassificationResolvers } from '../__generated__/resolvers-types';

export const Assessment: AssessmentResolvers = {
  unit: (assessment) => ({ id: assessment.unitId }),
  reviewingUnit: (assessment) => ({ id: assessment.reviewingUnitId }),
  statusLabel: (assessment) => ASSESSMENT_STATUS_LABELS[assessment.status],
  ruleSet: async (assessment, _, { assessments }) => {
    const ruleSet = await assessments.ruleSetOf(assessment);
    if (!ruleSet) throw new Error(`Rule set of assessment ${assessment.id} is missing`);
    return ruleSet;
  },
  totalScore: (assessment, _, { assessments }) => assessments.totalOf(assessment),
  proposedClassification: async (assessment, _, { assessments }) => {
    const ruleSet = await assessments.ruleSetOf(assessment);
    if (!ruleSet) throw new Error(`Rule set of assessment ${assessment.id} is missing`);
    return classify(ruleSet.bands, await assessments.totalOf(assessment));
  },
  overdue: (assessment, _, { assessments }) => assessments.overdue(assessment),
  history: (assessment, _, { assessments }) => assessments.changesOf(assessment),
  reviewChain: (assessment, _, { assessments }) => assessments.reviewChainOf(assessment),
  reviewPlan: (assessment, _, { assessments }) => assessments.reviewPlanOf(assessment),
  reviewDeadline: (assessment, _, { assessments }) => assessments.reviewDeadlineOf(assessment),
  criteria: (assessment, _, { assessments }) => assessments.criteriaOf(assessment),
  safeStandardProposal: (assessment, _, { assessments }) => assessments.proposalOf(assessment),
  evidenceFiles: (assessment, _, { evidence }) => evidence.ofAssessment(assessment.id),
};

export const AssessmentChange: AssessmentChangeResolvers = {
  actorUnit: (change) => ({ id: change.actorUnitId }),
  at: (change) => change.at.toISOString(),
};

export const UnitClassification: UnitClassificationResolvers = {
  unit: (classification) => ({ id: classification.unitId }),
  decidingUnit: (classification) => ({ id: classification.decidingUnitId }),
  classificationLabel: (classification) => CLASSIFICATION_LABELS[classification.classification],
  ruleSetVersion: (classification) => classification.ruleSetCode,
  assessment: (classification, _, { caller, assessments }) => assessments.find(caller, classification.assessmentId),
  revisions: (classification, _, { assessments }) => assessments.revisionsOf(classification),
};

export const ClassificationRevision: ClassificationRevisionResolvers = {
  actorUnit: (revision) => ({ id: revision.actorUnitId }),
  at: (revision) => revision.at.toISOString(),
};
