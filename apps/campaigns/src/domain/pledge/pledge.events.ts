import { type EventContract, PledgeCoverageChangedV1, type UnitKind } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type DirectoryAttributes } from '@antt/unit-directory';
import { type PledgeCounts } from './pledge.types';

/** `campaigns.pledge-coverage.changed.v1`: the unit's new totals, counts only. */
export function pledgeCoverageChanged(
  change: { rootCampaignId: string; unitId: string; unitKind: UnitKind; counts: PledgeCounts; added: number; attributes: DirectoryAttributes; countedOn: string },
  correlationId: string | undefined,
): NewEvent<EventContract> {
  const { counts, attributes } = change;
  return {
    contract: PledgeCoverageChangedV1,
    aggregateId: change.unitId,
    correlationId,
    data: {
      campaignId: change.rootCampaignId,
      unitId: change.unitId,
      unitKind: change.unitKind,
      pledgedStaff: counts.staff + counts.pupils,
      pledgedPupils: counts.pupils,
      pledgedResidents: counts.residents,
      pledgedHouseholds: counts.households,
      erased: counts.erased,
      added: change.added,
      staffCount: attributes.staffCount ?? null,
      residentHouseholds: attributes.residentHouseholds ?? null,
      countedOn: change.countedOn,
    },
  };
}
