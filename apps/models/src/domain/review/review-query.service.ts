import { type Caller } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type ModelPolicy, type ModelRepository, type ModelView } from '../model';
import { type ModelsInput } from '../shared';
import { type ReviewStore } from './review.repository';
import { type EvaluationWindows, unitWindow } from '../window';
import { type CriteriaSetView, type ReviewView } from './review.types';

/** Reads of reviews and of the effective-model fact. */
export class ReviewQueryService {
  constructor(
    private readonly models: ModelRepository,
    private readonly reviews: ReviewStore,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
    private readonly windows: EvaluationWindows,
  ) {}

  /** Reviews of a model the caller already sees, newest window first. */
  reviewsOf(model: ModelView): Promise<ReviewView[]> {
    return this.reviews.reviewsOf(model.id);
  }

  criteriaSets(): Promise<CriteriaSetView[]> {
    return this.reviews.criteriaSets();
  }

  /**
   * R7/R8: whether the unit had an effective model in the window of `year` (false until a review derived it); null when the
   * unit is not visible to the caller, today or at the end of the unit's own window of the year (its kind's, in its
   * province's calendar: `unitWindow`).
   */
  async hasEffectiveModel(caller: Caller, unitId: string, rawYear: number): Promise<boolean | null> {
    const year = this.input.year(rawYear);
    const directory = this.models.directory;
    const kind = await directory.kindOf(unitId);
    if (kind === null) return null;
    const today = this.clock.today();
    const window = await unitWindow(directory, await this.windows.calendar(), { unitId, kind }, year, today);
    if (!(await this.policy.canReadUnit(directory, caller, unitId, [today, window.end]))) return null;
    return (await this.reviews.fact(unitId, year))?.hasEffectiveModel ?? false;
  }
}
