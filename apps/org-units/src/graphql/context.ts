import { type SubgraphContext } from '@antt/service-kit';
import { type RequestServices } from '../domain/org-units.module';

/** What org-units resolvers receive: the caller (from the gateway's assertion) and this request's domain services. */
export type OrgUnitsContext = SubgraphContext<Record<string, never>, RequestServices>;
