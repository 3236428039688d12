import { type Clock, type DateRange } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { AssessmentRepository, AssessmentService } from './assessment';
import { DerivedRuleService } from './derived';
import { DisciplineService } from './discipline';
import { EvidenceService, type EvidenceRules } from './evidence';
import { IncidentService } from './incident';
import { RecognitionRepository, RecognitionService } from './recognition';
import { ReviewQueueRepository, ReviewQueueService } from './review-queue';
import { ReviewReminderRepository, ReviewReminderScheduler } from './review-reminder';
import { ReviewPlanRepository, RuleSetRepository } from './rule-set';
import { WhatIfYearService } from './what-if';

/** The domain services one request works with. */
export interface RequestServices {
  recognitions: RecognitionService;
  assessments: AssessmentService;
  ruleSets: RuleSetRepository;
  reviewPlans: ReviewPlanRepository;
  derivedRules: DerivedRuleService;
  incidents: IncidentService;
  discipline: DisciplineService;
  evidence: EvidenceService;
  whatIfYear: WhatIfYearService;
  reviewQueue: ReviewQueueService;
}

export interface AssessmentsRules {
  dates: DateRange;
  evidence: EvidenceRules;
  /** Days before a review step's deadline its level is reminded (REVIEW_REMINDER_DAYS; tools that never run the scheduler omit it). */
  reminderDays?: number;
}

/** Wires the assessments domain over a Prisma client. */
export function createAssessmentsDomain(prisma: PrismaClient, clock: Clock, rules: AssessmentsRules) {
  const recognitionRepository = new RecognitionRepository(prisma);
  const assessmentRepository = new AssessmentRepository(prisma);
  const ruleSets = new RuleSetRepository(prisma);
  const reviewPlans = new ReviewPlanRepository(prisma);
  const derivedRules = new DerivedRuleService(prisma, clock);
  const incidents = new IncidentService(prisma, clock, rules.dates);
  const discipline = new DisciplineService(prisma, clock, rules.dates);
  const evidence = new EvidenceService(prisma, clock, rules.evidence);
  const whatIfYear = new WhatIfYearService(prisma, ruleSets, derivedRules, rules.dates, clock);
  const reviewQueue = new ReviewQueueService(new ReviewQueueRepository(prisma), clock, rules.dates);
  return {
    reminders: new ReviewReminderScheduler(new ReviewReminderRepository(prisma), clock, rules.reminderDays ?? 3),
    forRequest(): RequestServices {
      return {
        recognitions: new RecognitionService(recognitionRepository, clock, rules.dates),
        assessments: new AssessmentService(assessmentRepository, clock, rules.dates),
        ruleSets,
        reviewPlans,
        derivedRules,
        incidents,
        discipline,
        evidence,
        whatIfYear,
        reviewQueue,
      };
    },
  };
}
