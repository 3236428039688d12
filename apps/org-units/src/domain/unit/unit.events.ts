import {
  type EventContract,
  type LineageSuccessor,
  type REORGANISATION_CHANGES,
  UnitReorganisedV1,
  UnitCorrectedV1,
  UnitCreatedV1,
  UnitDissolvedV1,
  UnitMergedV1,
  UnitMovedV1,
  UnitRenamedV1,
  UnitSplitV1,
  UnitUpdatedV1,
} from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type UnitRecord } from './unit.types';

/** What happened to one unit in a command; each becomes one event and one audit row. */
export type UnitChange =
  | { type: 'created' }
  | { type: 'renamed'; previousName: string; name: string }
  | { type: 'moved'; fromParentId: string | null; toParentId: string | null }
  | { type: 'updated'; changedFields: UpdatableField[] }
  | { type: 'merged'; intoUnitId: string }
  | { type: 'split'; intoUnitIds: string[] }
  | { type: 'dissolved'; reason: string }
  | { type: 'corrected'; reason: string }
  | {
      type: 'reorganised';
      planId: string;
      planName: string;
      legalBasis: string;
      changes: ReorganisationChange[];
      successorIds: string[];
      /** Each successor's share and the event that made the hop, in the order of `successorIds`. */
      successors: LineageSuccessor[];
    };

export type ReorganisationChange = (typeof REORGANISATION_CHANGES)[number];

export type UpdatableField =
  | 'managingUnitId'
  | 'enterpriseSize'
  | 'schoolLevel'
  | 'armedForces'
  | 'residentHouseholds'
  | 'staffCount'
  | 'communeType';

const CONTRACTS: Record<UnitChange['type'], EventContract> = {
  created: UnitCreatedV1,
  renamed: UnitRenamedV1,
  moved: UnitMovedV1,
  updated: UnitUpdatedV1,
  merged: UnitMergedV1,
  split: UnitSplitV1,
  dissolved: UnitDissolvedV1,
  corrected: UnitCorrectedV1,
  reorganised: UnitReorganisedV1,
};

/** The outbox event for a change: the unit's whole state after it (CONVENTIONS.md, "org-units events"). */
export function unitEvent(
  record: UnitRecord,
  change: UnitChange,
  effectiveDate: string,
  correlationId: string | undefined,
): NewEvent<EventContract> {
  const { type: _type, ...details } = change;
  return {
    contract: CONTRACTS[change.type],
    aggregateId: record.id,
    correlationId,
    data: {
      unitId: record.id,
      code: record.code,
      kind: record.kind,
      revision: record.revision,
      effectiveDate,
      dissolvedOn: record.dissolvedOn,
      change: details,
      timeline: record.timeline.map((v) => ({
        code: v.code,
        validFrom: v.validFrom,
        validTo: v.validTo,
        name: v.name,
        parentId: v.parentId,
        managingUnitId: v.managingUnitId,
        attributes: { ...v.attributes },
      })),
    },
  };
}
