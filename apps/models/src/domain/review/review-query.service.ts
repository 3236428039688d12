import { type Caller } from '@antt/auth';
import { type Clock, createEntityLoader, inKeyOrder } from '@antt/service-kit';
import { type DirectoryEntry, type UnitOnDate } from '@antt/unit-directory';
import DataLoader from 'dataloader';
import { type ModelPolicy, type ModelRepository, type ModelView } from '../model';
import { type ModelsInput } from '../shared';
import { type ReviewStore } from './review.repository';
import { type EvaluationWindows, type ProvinceLookup, unitWindow } from '../window';
import { type CriteriaSetView, type EffectiveModelFactView, type ReviewView } from './review.types';

interface FactKey {
  unitId: string;
  year: number;
}

/**
 * Reads of reviews and of the effective-model fact, one instance per request: the directory rows and facts that
 * `hasEffectiveModel` needs are loaded in batches, so a list of units costs a few statements, not a few per unit.
 */
export class ReviewQueryService {
  private readonly kinds = createEntityLoader(
    async (ids: readonly string[]) => [...(await this.models.directory.kindsOf(ids))].map(([unitId, kind]) => ({ unitId, kind })),
    (row) => row.unitId,
  );
  /** Each unit's chain of ancestors on a date (empty: the unit did not exist then). */
  private readonly chains = new DataLoader<UnitOnDate, DirectoryEntry[], string>((keys) => this.models.directory.ancestorsOfEach(keys), {
    cacheKeyFn: (key) => `${key.unitId}@${String(key.asOf)}`,
    maxBatchSize: 1000,
  });
  private readonly facts = new DataLoader<FactKey, EffectiveModelFactView | null, string>(
    async (keys) => inKeyOrder(keys.map(factKey), await this.reviews.facts(keys), factKey),
    { cacheKeyFn: factKey, maxBatchSize: 1000 },
  );
  private readonly provinces: ProvinceLookup = {
    ancestorOfKind: async (unitId, kinds, asOf) => (await this.chains.load({ unitId, asOf })).find((entry) => kinds.includes(entry.kind)) ?? null,
  };

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
    const kind = (await this.kinds.load(unitId))?.kind;
    if (kind === undefined) return null;
    const today = this.clock.today();
    const window = await unitWindow(this.provinces, await this.windows.calendar(), { unitId, kind }, year, today);
    const chains = await Promise.all([today, window.end].map((asOf) => this.chains.load({ unitId, asOf })));
    if (!this.policy.canReadUnitInChains(caller, chains)) return null;
    return (await this.facts.load({ unitId, year }))?.hasEffectiveModel ?? false;
  }
}

const factKey = (key: FactKey) => `${key.unitId}:${key.year}`;
