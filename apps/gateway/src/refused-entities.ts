import { type ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { type GraphQLError } from 'graphql';

type GatewayLoad = ApolloGateway['load'];
type GatewayLoadResult = Awaited<ReturnType<GatewayLoad>>;
type GatewayExecutor = NonNullable<GatewayLoadResult['executor']>;
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;

/** What {@link recordRefusedEntities} keeps in the request's context. */
export interface RefusedEntitiesContext {
  /** Entity types of which a subgraph answered at least one `_entities` representation with null in this request. */
  refusedEntityTypes?: Set<string>;
}

const NON_NULL_ERROR = /^Cannot return null for non-nullable field ([_A-Za-z][_0-9A-Za-z]*)\.[_A-Za-z][_0-9A-Za-z]*\.$/;

/**
 * Notes the entity types a subgraph answered null in an `_entities` fetch (org-units answers null for a `Unit` the caller
 * may not read, exactly as for one that does not exist), so that {@link withoutRefusedEntityErrors} can tell those nulls
 * from real failures.
 */
export function recordRefusedEntities(context: RefusedEntitiesContext, variables: Record<string, unknown> | undefined, data: unknown): void {
  const representations = variables?.['representations'];
  const entities = (data as { _entities?: unknown } | null | undefined)?._entities;
  if (!Array.isArray(representations) || !Array.isArray(entities)) return;
  entities.forEach((entity, index) => {
    const typename = (representations[index] as { __typename?: unknown } | undefined)?.__typename;
    if (entity === null && typeof typename === 'string') (context.refusedEntityTypes ??= new Set()).add(typename);
  });
}

/** The data source, noting in the request's context the entities each of its `_entities` answers gave as null. */
export function recordingRefusedEntities<TContext extends RefusedEntitiesContext>(source: GraphQLDataSource<TContext>): GraphQLDataSource<TContext> {
  return {
    process: async (options) => {
      const response = await source.process(options);
      if (options.context) recordRefusedEntities(options.context, options.request.variables, response.data);
      return response;
    },
  };
}

/**
 * @apollo/gateway keeps the fields the referring subgraph gave (`{ __typename, id }`) for an entity another subgraph
 * answered null, nulls the entity, and reports each non-null field the client asked of it as missing: "Cannot return null
 * for non-nullable field Unit.name." (INVALID_GRAPHQL; in `extensions.valueCompletion` when the fetches had no error,
 * apollographql/federation#2589). Where the reference is nullable, null in the answer and everything above it is there,
 * that report only says "this entity is not shown to you", which the schema documents: it is dropped, and the client gets
 * the object with the reference null and nothing else. A report whose null went further up (a non-null reference voiding
 * its parent) is kept, as is any report on a type no subgraph answered null in this request.
 */
export function withoutRefusedEntityErrors(result: GatewayExecutionResult, context: RefusedEntitiesContext): GatewayExecutionResult {
  const refused = context.refusedEntityTypes;
  if (!refused?.size) return result;
  const keep = (error: GraphQLError) => !isRefusedEntityError(error, refused, result.data);
  let filtered = result;
  if (result.errors?.length) {
    const errors = result.errors.filter(keep);
    if (errors.length < result.errors.length) filtered = { ...filtered, errors: errors.length > 0 ? errors : undefined };
  }
  const { valueCompletion: completion, ...extensions } = result.extensions ?? {};
  if (Array.isArray(completion) && completion.length > 0) {
    const kept = (completion as GraphQLError[]).filter(keep);
    if (kept.length < completion.length) {
      const rest = kept.length > 0 ? { ...extensions, valueCompletion: kept } : extensions;
      filtered = { ...filtered, extensions: Object.keys(rest).length > 0 ? rest : undefined };
    }
  }
  return filtered;
}

function isRefusedEntityError(error: GraphQLError, refused: ReadonlySet<string>, data: unknown): boolean {
  const typename = NON_NULL_ERROR.exec(error.message)?.[1];
  if (!typename || !refused.has(typename) || error.extensions?.['code'] !== 'INVALID_GRAPHQL') return false;
  // The path ends [..., reference field or list index, field of the entity]: the reference must be null, its holder there.
  const path = error.path ?? [];
  const key = path.at(-2);
  if (key === undefined) return false;
  let value: unknown = data;
  for (const step of path.slice(0, -2)) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string | number, unknown>)[step];
  }
  if (value === null || typeof value !== 'object') return false;
  const holder = value as Record<string | number, unknown>;
  return key in holder && holder[key] === null;
}

/** The gateway with its executor answering through {@link withoutRefusedEntityErrors}. */
export function nullingRefusedEntities(gateway: ApolloGateway): Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'> {
  return {
    load: async (options) => {
      const loaded = await gateway.load(options);
      const { executor } = loaded;
      if (!executor) return loaded;
      return {
        ...loaded,
        executor: async (requestContext) =>
          withoutRefusedEntityErrors(await executor(requestContext), requestContext.context as RefusedEntitiesContext),
      };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}
