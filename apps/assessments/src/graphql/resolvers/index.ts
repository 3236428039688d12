import { DateScalar } from '@antt/service-kit';
import { type Resolvers } from '../__generated__/resolvers-types';
import { Assessment, AssessmentChange, ClassificationRevision, UnitClassification } from './assessment.resolvers';
import { CommunePoliceDisciplineRecord, CriterionResult, EvidenceFile, ReviewLevel, ReviewStep, RuleSet, SafeStandardCriterion, SafeStandardProposal } from './criteria.resolvers';
import { CommuneSafetyRule, SecurityIncident } from './derived.resolvers';
import { Mutation } from './mutation.resolvers';
import { Query } from './query.resolvers';
import { ReviewQueueEntry, ReviewQueuePage } from './review-queue.resolvers';
import { RecognisingBody, RecognitionRevision, SafeStandardRecognition } from './recognition.resolvers';
import { Unit } from './unit.resolvers';
import { ClassCounts, WhatIfCommuneDifference, WhatIfResult, WhatIfSafeStandardDifference, WhatIfUnitDifference, WhatIfYearResult } from './what-if.resolvers';

/** The assessments resolver map, one file per type. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Unit,
  SafeStandardRecognition,
  RecognitionRevision,
  RecognisingBody,
  Assessment,
  AssessmentChange,
  UnitClassification,
  ClassificationRevision,
  CommuneSafetyRule,
  SecurityIncident,
  RuleSet,
  ReviewLevel,
  SafeStandardCriterion,
  CriterionResult,
  SafeStandardProposal,
  CommunePoliceDisciplineRecord,
  ReviewStep,
  EvidenceFile,
  WhatIfResult,
  WhatIfYearResult,
  WhatIfUnitDifference,
  WhatIfSafeStandardDifference,
  WhatIfCommuneDifference,
  ClassCounts,
  ReviewQueueEntry,
  ReviewQueuePage,
};
