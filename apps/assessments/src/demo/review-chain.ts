import { type Identity } from '@antt/auth';
import { type AssessmentService, type AssessmentView } from '../domain/assessment';

/** The officer acting for a level (a unit's People's Committee or its steering body). */
export type OfficerOf = (levelUnitId: string) => Identity;

const MAX_LEVELS = 6;

/**
 * Approves an assessment through whatever review chain the domain asks for: while it is not APPROVED, the level the
 * assessment names as its reviewer next (`reviewingUnitId`) approves it; a multi-level chain (commune → district → province)
 * moves that level up on each approval, a single level approves once. Stops with an error when the domain names the same level
 * twice without approving (it would loop) or the chain is longer than any tree has levels.
 */
export async function approveThroughChain(
  assessments: AssessmentService,
  officerOf: OfficerOf,
  submitted: AssessmentView,
  approvedOn: string,
  decisionNumber: string | null,
  correlationId: string,
): Promise<AssessmentView> {
  let assessment = submitted;
  const approvers = new Set<string>();
  while (assessment.status !== 'APPROVED') {
    const level = assessment.reviewingUnitId;
    if (approvers.has(level) || approvers.size >= MAX_LEVELS) {
      throw new Error(`Assessment ${assessment.id} is still ${assessment.status} after approval by ${[...approvers].join(' → ')}: the review chain does not advance`);
    }
    approvers.add(level);
    assessment = await assessments.approve({ caller: officerOf(level), correlationId }, { assessmentId: assessment.id, approvedOn, decisionNumber });
  }
  return assessment;
}
