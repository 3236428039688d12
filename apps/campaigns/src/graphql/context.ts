import { type SubgraphContext } from '@antt/service-kit';
import { type RequestServices } from '../domain/campaigns.module';

/** What campaigns resolvers receive: the caller (from the gateway's assertion) and this request's domain services. */
export type CampaignsContext = SubgraphContext<Record<string, never>, RequestServices>;
