import { type SubgraphContext } from '@antt/service-kit';
import { type RequestServices } from '../domain/assessments.module';

/** What assessments resolvers receive: the caller (from the gateway's assertion) and this request's domain services. */
export type AssessmentsContext = SubgraphContext<Record<string, never>, RequestServices>;
