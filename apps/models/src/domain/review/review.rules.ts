import { type ModelRating } from './review.types';

/** The criteria list every review is made against (its latest version valid on the window's end). */
export const CRITERIA_SET_CODE = 'MODEL_EFFECTIVENESS';

// The evaluation windows (R4) are data: `../window` (`EvaluationWindows`, the rules of `evaluation_window_rule`).

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
