import { type SubgraphContext } from '@antt/service-kit';
import { type RequestServices } from '../domain/models.module';

/** What models resolvers receive: the caller (from the gateway's assertion) and this request's domain services. */
export type ModelsContext = SubgraphContext<Record<string, never>, RequestServices>;
