import { type Clock, type DateRange } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { RecognitionRepository, RecognitionService } from './recognition';

/** The domain services one request works with. */
export interface RequestServices {
  recognitions: RecognitionService;
}

export interface AssessmentsRules {
  dates: DateRange;
}

/** Wires the assessments domain over a Prisma client. */
export function createAssessmentsDomain(prisma: PrismaClient, clock: Clock, rules: AssessmentsRules) {
  const recognitionRepository = new RecognitionRepository(prisma);
  return {
    forRequest(): RequestServices {
      return { recognitions: new RecognitionService(recognitionRepository, clock, rules.dates) };
    },
  };
}
