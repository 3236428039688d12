import { type SubgraphContext } from '@antt/service-kit';
import { type RequestServices } from '../domain/awards.module';

/** What awards resolvers receive: the caller (from the gateway's assertion) and this request's domain services. */
export type AwardsContext = SubgraphContext<Record<string, never>, RequestServices>;
