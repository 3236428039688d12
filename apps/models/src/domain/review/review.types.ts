export type ModelRating = 'EFFECTIVE' | 'LESS_EFFECTIVE' | 'INEFFECTIVE';

/** An effectiveness review for one window. */
export interface ReviewView {
  id: string;
  modelId: string;
  hostUnitId: string;
  year: number;
  windowStart: string;
  windowEnd: string;
  /** The province whose calendar the window was read in (null: none, national rules). */
  provinceId: string | null;
  rating: ModelRating;
  criteriaSetCode: string;
  criteriaVersion: number;
  criteriaMet: string[];
  reviewerUnitId: string;
  reviewedOn: string;
  evidence: string[];
  reason: string;
  actor: string;
  current: boolean;
}

export interface CriterionView {
  code: string;
  label: string;
}

export interface CriteriaSetView {
  code: string;
  version: number;
  validFrom: string;
  criteria: CriterionView[];
  source: string;
}

/** The derived fact "unit U had at least one effective model in the window of year Y". */
export interface EffectiveModelFactView {
  unitId: string;
  year: number;
  windowStart: string;
  windowEnd: string;
  hasEffectiveModel: boolean;
  effectiveModelIds: string[];
  revision: number;
}

export interface ReviewModelInput {
  modelId: string;
  year: number;
  rating: ModelRating;
  criteriaMet: readonly string[];
  reviewedOn: string;
  evidence: readonly string[];
  reason: string;
}
