import { CLASSIFICATION_RANKS, type UnitFacts } from '../../src/domain/facts';

/** A unit's facts for unit tests of rules: a registered, recognised commune classified GOOD, one year of each run, no awards. */
export function unitFacts(over: Partial<UnitFacts> = {}): UnitFacts {
  return {
    SAFE_STANDARD: true,
    CLASSIFICATION_RANK: 3,
    classification: 'GOOD',
    recognition: 'RECOGNISED',
    REGISTERED: true,
    UNIT_KIND: 'COMMUNE',
    EFFECTIVE_MODEL: false,
    ADVANCED_EXAMPLE: false,
    CONSECUTIVE_YEARS_SAFE: 1,
    CONSECUTIVE_YEARS_GOOD: 1,
    AWARD_HELD: [],
    heldAwards: [],
    NOMINEE_ROLE: null,
    MONTHS_OF_SERVICE: 0,
    NO_PENDING_COMPLAINT: true,
    TEAM_RATING: null,
    ...over,
  };
}

/** The facts of a unit with this classification and recognition status (null: none). */
export function factsOfOutcome(classification: string | null, recognition: string | null): UnitFacts {
  return unitFacts({
    SAFE_STANDARD: recognition === 'RECOGNISED',
    CLASSIFICATION_RANK: classification ? (CLASSIFICATION_RANKS[classification] ?? 0) : 0,
    classification,
    recognition,
    UNIT_KIND: null,
  });
}
