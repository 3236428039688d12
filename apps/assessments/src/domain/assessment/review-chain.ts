import { type DirectoryEntry, type UnitDirectory } from '@antt/unit-directory';
import { levelDeadlineOf, REVIEW_LEVEL_KINDS, type ReviewPlanView } from '../rule-set/review-plan.types';
import { type AssessmentView, type ReviewChainStepView } from './assessment.types';

/** A level above a unit on the dated tree: the unit and its kind. */
export interface TreeLevel {
  unitId: string;
  kind: string;
}

/** A step of a chain as the plan sets it: the level's unit and the date its review is due. */
export interface PlannedStep {
  levelUnitId: string;
  deadline: string;
}

/**
 * The levels above a unit on `date`, nearest first: the level managing it (its managing unit, else its parent), then every
 * COMMUNE / DISTRICT / PROVINCE above it on the dated tree. A 2024 village: commune, district, province; from 01/07/2025 (no
 * district level) commune, province. Empty when nothing manages it.
 */
export async function treeLevelsOf(directory: UnitDirectory, unit: Pick<DirectoryEntry, 'managingUnitId' | 'parentId'>, date: string): Promise<TreeLevel[]> {
  const first = unit.managingUnitId ?? unit.parentId;
  if (first === null) return [];
  const entries = await directory.ancestorsOf(first, date);
  return entries
    .filter((entry) => entry.depth === 0 || (REVIEW_LEVEL_KINDS as readonly string[]).includes(entry.kind))
    .map((entry) => ({ unitId: entry.unitId, kind: entry.kind }));
}

/**
 * The review chain of a `year` assessment: the tree's levels, nearest first, that the plan names, each due by its level's
 * deadline, up to the first level the plan marks final (its approval is final). A level the plan does not name is skipped; a
 * level the tree lacks on the submission date (no district from 01/07/2025) is simply not there, so the chain goes on to the
 * next level the plan names (a 2025 village: commune → province). Empty when the plan names none of the levels.
 */
export function planReviewChain(levels: readonly TreeLevel[], plan: Pick<ReviewPlanView, 'levels'>, year: number): PlannedStep[] {
  const steps: PlannedStep[] = [];
  for (const level of levels) {
    const planned = plan.levels.find((candidate) => candidate.levelKind === level.kind);
    if (!planned) continue;
    steps.push({ levelUnitId: level.unitId, deadline: levelDeadlineOf(planned, year) });
    if (planned.final) break;
  }
  return steps;
}

/**
 * The chain as shown on `today`: the current level's step, and every step still pending after its own deadline flagged
 * overdue while the assessment is not approved (the commune's step after 20/11, the district's only after 30/11).
 */
export function chainAsOf(assessment: Pick<AssessmentView, 'status' | 'currentStep' | 'reviewSteps'>, today: string): ReviewChainStepView[] {
  return assessment.reviewSteps.map((step) => ({
    ...step,
    current: assessment.status === 'SUBMITTED' && step.position === assessment.currentStep,
    overdue: assessment.status !== 'APPROVED' && step.status === 'PENDING' && today > step.deadline,
  }));
}

/** The deadline of the level whose turn it is (for a returned assessment, of the level that returned it); null once approved. */
export function reviewDeadlineOf(assessment: Pick<AssessmentView, 'status' | 'currentStep' | 'reviewSteps'>): string | null {
  if (assessment.status === 'APPROVED') return null;
  return assessment.reviewSteps.find((step) => step.position === assessment.currentStep)?.deadline ?? null;
}

/** Not approved, and the current level's deadline (or any pending level's) has passed on `today`. */
export function isOverdue(assessment: Pick<AssessmentView, 'status' | 'currentStep' | 'reviewSteps'>, today: string): boolean {
  const deadline = reviewDeadlineOf(assessment);
  if (deadline !== null && today > deadline) return true;
  return chainAsOf(assessment, today).some((step) => step.overdue);
}
