import { type DateRange } from '@antt/service-kit';
import { type OrgUnitsDatabase } from '../infrastructure/prisma-client';
import { type Clock } from './shared/clock';
import { ReorganisationService } from './reorganisation';
import { UnitInput, UnitJurisdictionChecker, UnitPolicy, UnitQueryService, UnitRepository, UnitService, foldForSearch } from './unit';

/** The domain services one request works with (fresh loaders per request, one repository for all). */
export interface RequestServices {
  units: UnitService;
  unitQueries: UnitQueryService;
  reorganisations: ReorganisationService;
}

/** Wires the org-units domain over its database (the Prisma client, and its pool for the bulk writes). */
export function createOrgUnitsDomain({ prisma, pool }: OrgUnitsDatabase, clock: Clock, dates: DateRange) {
  const repository = new UnitRepository(prisma, foldForSearch, pool);
  const input = new UnitInput(dates);
  return {
    repository,
    /** A jurisdiction checker over org-units' own tables (uncached: for use outside a request). */
    jurisdiction: () => new UnitJurisdictionChecker(repository),
    forRequest(): RequestServices {
      const policy = new UnitPolicy(new UnitJurisdictionChecker(repository));
      return {
        units: new UnitService(repository, policy, clock, input),
        unitQueries: new UnitQueryService(repository, policy, clock, input),
        reorganisations: new ReorganisationService(repository, policy, clock, input),
      };
    },
  };
}

export type OrgUnitsDomain = ReturnType<typeof createOrgUnitsDomain>;
