/** The kinds of level a review plan names (their People's Committee / police reviews the assessments below them). */
export type ReviewLevelKind = 'COMMUNE' | 'DISTRICT' | 'PROVINCE';

export const REVIEW_LEVEL_KINDS: readonly ReviewLevelKind[] = ['COMMUNE', 'DISTRICT', 'PROVINCE'];

export const REVIEW_LEVEL_KIND_LABELS: Record<ReviewLevelKind, string> = {
  COMMUNE: 'Cấp xã',
  DISTRICT: 'Cấp huyện',
  PROVINCE: 'Cấp tỉnh',
};

/** One level of a review plan: its kind, the month-day of the assessment's year its review is due by, whether the chain stops there. */
export interface ReviewLevelView {
  position: number;
  levelKind: ReviewLevelKind;
  /** Month-day, e.g. 11-20. */
  deadline: string;
  final: boolean;
}

/**
 * Where a unit kind's review goes and when each level's review is due (Decision 510 Art. 11, R13), for a province and years:
 * versioned like rule sets, immutable once a chain was built from it.
 */
export interface ReviewPlanView {
  id: string;
  code: string;
  provinceCode: string;
  unitKind: string;
  fromYear: number;
  toYear: number | null;
  verified: boolean;
  source: string;
  /** Lowest level first. */
  levels: ReviewLevelView[];
}

/** The date a level's review of a `year` assessment is due. */
export function levelDeadlineOf(level: Pick<ReviewLevelView, 'deadline'>, year: number): string {
  return `${year}-${level.deadline}`;
}
