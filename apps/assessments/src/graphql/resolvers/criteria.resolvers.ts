import { CRITERION_DERIVATION_LABELS, CRITERION_SOURCE_LABELS, RECOGNITION_OUTCOME_LABELS } from '../../domain/criteria';
import { REVIEW_STEP_STATUS_LABELS } from '../../domain/assessment';
import { REVIEW_LEVEL_KIND_LABELS, RULE_SET_TRACK_LABELS } from '../../domain/rule-set';
import {
  type CommunePoliceDisciplineRecordResolvers,
  type CriterionResultResolvers,
  type EvidenceFileResolvers,
  type ReviewLevelResolvers,
  type ReviewStepResolvers,
  type RuleSetResolvers,
  type SafeStandardCriterionResolvers,
  type SafeStandardProposalResolvers,
} from '../__generated__/resolvers-types';

export const RuleSet: RuleSetResolvers = {
  trackLabel: (ruleSet) => RULE_SET_TRACK_LABELS[ruleSet.track],
  reviewPlan: (ruleSet, { year }, { reviewPlans }) => (ruleSet.track === 'STANDARD' ? reviewPlans.inForce(ruleSet.provinceCode, ruleSet.unitKind, year ?? ruleSet.fromYear) : null),
};

export const ReviewLevel: ReviewLevelResolvers = {
  levelKindLabel: (level) => REVIEW_LEVEL_KIND_LABELS[level.levelKind],
};

export const SafeStandardCriterion: SafeStandardCriterionResolvers = {
  sourceLabel: (criterion) => CRITERION_SOURCE_LABELS[criterion.source],
  derivationLabel: (criterion) => (criterion.derivation === null ? null : CRITERION_DERIVATION_LABELS[criterion.derivation]),
};

export const CriterionResult: CriterionResultResolvers = {
  derived: (result) => result.criterion.derivation !== null,
};

export const SafeStandardProposal: SafeStandardProposalResolvers = {
  outcomeLabel: (proposal) => RECOGNITION_OUTCOME_LABELS[proposal.outcome],
};

export const CommunePoliceDisciplineRecord: CommunePoliceDisciplineRecordResolvers = {
  commune: (record) => ({ id: record.communeId }),
  recordedByUnit: (record) => ({ id: record.recordedByUnitId }),
  at: (record) => record.at.toISOString(),
};

export const ReviewStep: ReviewStepResolvers = {
  level: (step) => ({ id: step.levelUnitId }),
  statusLabel: (step) => REVIEW_STEP_STATUS_LABELS[step.status],
};

export const EvidenceFile: EvidenceFileResolvers = {
  at: (file) => file.at.toISOString(),
  contentBase64: (file, _, { evidence }) => evidence.contentOf(file),
};
