import { type ModelRating } from './review.types';

/** The criteria list every review is made against (its latest version valid on the window's end). */
export const CRITERIA_SET_CODE = 'MODEL_EFFECTIVENESS';

/**
 * The evaluation window of `year` for a host of `kind` (R4, Circular 124): residential areas 01/11 of the previous year to
 * 31/10; communes, agencies, enterprises, schools and every other kind 16/11 to 15/11.
 */
export function evaluationWindow(kind: string, year: number): { start: string; end: string } {
  return kind === 'RESIDENTIAL_AREA' ? { start: `${year - 1}-11-01`, end: `${year}-10-31` } : { start: `${year - 1}-11-16`, end: `${year}-11-15` };
}

/**
 * Whether the current reviews (any order) end with `streak` INEFFECTIVE ratings in consecutive windows, the latest reviewed
 * window included: the model is then proposed for dissolution.
 */
export function ineffectiveStreakReached(reviews: ReadonlyArray<{ year: number; rating: ModelRating }>, streak: number): boolean {
  const byYear = [...reviews].sort((a, b) => b.year - a.year);
  const latest = byYear[0]?.year ?? 0;
  const run = byYear.slice(0, streak);
  return run.length === streak && run.every((review, index) => review.rating === 'INEFFECTIVE' && review.year === latest - index);
}
