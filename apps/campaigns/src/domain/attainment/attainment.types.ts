import { type UnitKind } from '@antt/contracts';
import { type TargetComparator, type TargetIndicator } from '../campaign';

/** What the read model counts for the units of one kind below one level unit (or the unit the attainment is read at). */
export interface KindCounts {
  kind: UnitKind;
  /** Units of the kind, on the date. */
  units: number;
  /** Registered in the campaign's family (its own and its child campaigns), not withdrawn, on or before the date. */
  registered: number;
  /** In Circular 124 scope (R1), on the version's attributes. */
  eligible: number;
  /** In scope and recognised safe for the campaign's year on the date (recognised, not yet revoked). */
  recognised: number;
  /** Classified EXCELLENT for the year by the date. */
  excellent: number;
  /** Classified GOOD or EXCELLENT for the year by the date. */
  goodOrBetter: number;
}

/** The unit read at (depth 0) or a unit below it at one of the levels (province, district, commune) targets are judged at. */
export interface LevelUnit {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  depth: number;
}

/** A unit of a counted kind below the unit read at, with its facts on the date. */
export interface CountedUnit {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  /** Bits of `FACT`: registered, eligible (R1), recognised, revoked, refused. */
  flags: number;
  classification: string | null;
  /** Indexes in `SubtreeFacts.levels` of the level units above it (the unit read at included). */
  above: number[];
}

/** What one read of a subtree on a date finds. */
export interface SubtreeFacts {
  /** The unit read at first. */
  levels: LevelUnit[];
  units: CountedUnit[];
}

/** A level unit with the counts of the units below it, per kind. */
export interface LevelUnitCounts extends LevelUnit {
  byKind: Map<UnitKind, KindCounts>;
}

/** numerator / denominator judged against a target. */
export interface Figures {
  numerator: number;
  denominator: number;
  /** Percent rounded to 2 decimals; null when nothing is counted. */
  percent: number | null;
  /** Null when nothing is counted (denominator 0). */
  met: boolean | null;
}

export interface KindAttainmentView extends Figures {
  kind: UnitKind;
}

export interface LevelAttainmentView {
  level: UnitKind;
  units: number;
  unitsMet: number;
  unitsNotMet: number;
}

export interface UnitAttainmentView extends Figures {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** Why a unit counted in a target's denominator is not in its numerator. */
export type ShortfallReason = 'NOT_REGISTERED' | 'NO_RECOGNITION_YET' | 'NOT_RECOGNISED' | 'REVOKED' | 'NOT_CLASSIFIED_YET' | 'CLASSIFIED_BELOW';

export interface ShortfallUnitView {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  reason: ShortfallReason;
  /** The unit's classification for the year, when it has one. */
  classification: string | null;
}

export interface ShortfallPageView {
  totalCount: number;
  units: ShortfallUnitView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Where one read of attainment stands: what the lazily resolved fields (level units, shortfall) need. */
export interface AttainmentScope {
  campaignId: string;
  rootCampaignId: string;
  familyCampaignIds: string[];
  unitId: string;
  asOf: string;
  year: number;
  kind: UnitKind | null;
  level: UnitKind | null;
  /** The unit read at first. */
  levelUnits: LevelUnitCounts[];
  units: CountedUnit[];
}

export interface TargetAttainmentView extends Figures {
  code: string;
  indicator: TargetIndicator;
  comparator: TargetComparator;
  threshold: number;
  unitKinds: UnitKind[];
  /** Kinds counted: the target's, cut to the `kind` asked for. */
  countedKinds: UnitKind[];
  levels: UnitKind[];
  byKind: KindAttainmentView[];
  byLevel: LevelAttainmentView[];
  scope: AttainmentScope;
}

export interface AttainmentView {
  campaignId: string;
  unitId: string;
  asOf: string;
  year: number;
  kind: UnitKind | null;
  level: UnitKind | null;
  targets: TargetAttainmentView[];
}
