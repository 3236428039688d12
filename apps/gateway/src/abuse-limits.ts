import { type ApolloServerPlugin, type GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { type Caller } from '@antt/auth';
import { HttpRefusal } from '@antt/service-kit';
import { type DocumentNode, getNamedType, getOperationAST, getVariableValues, GraphQLError, isLeafType, validate, type ValidationRule } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { GATEWAY_ERROR_CODES, type GatewayErrorCode, limitError } from './errors';
import { callerLimits, type CallerLimits, type CostModel, type GatewayLimits } from './limits';

/** graphql-js's own message when `parseOptions.maxTokens` stops the parse. */
// graphql-js 16 writes "more that"; a later release may spell it right.
const PARSE_TOKEN_LIMIT = /Document contains more tha[nt] \d+ tokens/;

/**
 * The cost estimator of {@link CostModel}: the field's weight plus its selection's cost times the list size it asks for
 * (`first` or `last`, defaults applied by the schema), 1 without one.
 */
export function costEstimator(model: CostModel): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const weight = model.fieldWeights[`${type.name}.${field.name}`] ?? (isLeafType(getNamedType(field.type)) ? 0 : 1);
    const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : 1;
    return weight + Math.max(size, 0) * childComplexity;
  };
}

/** Estimated cost of one operation of `document` under `model`. */
export function estimateCost(
  context: Pick<GraphQLRequestContextDidResolveOperation<object>, 'schema' | 'document' | 'request' | 'operationName'>,
  model: CostModel,
  maxQueryNodes: number,
): number {
  return getComplexity({
    schema: context.schema,
    query: context.document,
    variables: context.request.variables ?? {},
    operationName: context.operationName ?? undefined,
    estimators: [costEstimator(model)],
    maxQueryNodes,
  });
}

/**
 * GraphQL Armor's validation rules (depth, aliases, directives) built for one caller class, each reporting through
 * `onReject` rather than throwing, so that a refusal becomes a stable code.
 */
function armorRules(limits: CallerLimits): [GatewayErrorCode, number, (report: (error: GraphQLError) => void) => ValidationRule][] {
  const callbacks = (report: (error: GraphQLError) => void) => ({ propagateOnRejection: false, onReject: [(_: unknown, error: GraphQLError) => report(error)] });
  return [
    [GATEWAY_ERROR_CODES.QUERY_TOO_DEEP, limits.maxDepth, (report) => maxDepthRule({ n: limits.maxDepth, ...callbacks(report) })],
    [GATEWAY_ERROR_CODES.ALIAS_LIMIT, limits.maxAliases, (report) => maxAliasesRule({ n: limits.maxAliases, ...callbacks(report) })],
    [GATEWAY_ERROR_CODES.DIRECTIVE_LIMIT, limits.maxDirectives, (report) => maxDirectivesRule({ n: limits.maxDirectives, ...callbacks(report) })],
  ];
}

/**
 * Throws TOKEN_LIMIT when `source` has more than `maxTokens` lexical tokens (GraphQL Armor's counting lexer). A syntax
 * error found on the way is left to the parse that follows, which reports it.
 */
export function checkTokens(source: string, maxTokens: number): void {
  let rejected = false;
  try {
    new MaxTokensParserWLexer(source, { n: maxTokens, propagateOnRejection: true }).parseDocument();
  } catch (error) {
    rejected = error instanceof Error && error.message.includes('Token limit');
  }
  if (rejected) throw limitError(GATEWAY_ERROR_CODES.TOKEN_LIMIT, `Token limit of ${maxTokens} exceeded.`, maxTokens);
}

/**
 * The token limit checked on the request as it arrives (body, or `query` of a GET), before Apollo parses and validates
 * it: graphql-js's own validation gives up on a long document of repeated fields, and the caller's limit must come
 * first. Throws an HTTP 400 TOKEN_LIMIT refusal.
 */
export function checkRequestTokens(body: unknown, search: URLSearchParams, limits: CallerLimits): void {
  const operations = Array.isArray(body) ? body : [body ?? { query: search.get('query') }];
  for (const operation of operations) {
    const query = (operation as { query?: unknown } | null)?.query;
    if (typeof query !== 'string') continue;
    if (tokenPasses.get(query)?.has(limits)) continue;
    try {
      checkTokens(query, limits.maxTokens);
      rememberTokenPass(query, limits);
    } catch {
      throw new HttpRefusal(400, GATEWAY_ERROR_CODES.TOKEN_LIMIT, `Token limit of ${limits.maxTokens} exceeded.`, {}, { limit: limits.maxTokens });
    }
  }
}

/**
 * Query texts that passed the token check on arrival, per caller class: a front end repeats its operations, and the check is
 * a parse of its own. Only passes are kept, texts up to 10,000 characters, the least recently passed out past 1,000 (at most
 * about 10 MB); a refused text is checked again each time.
 */
const tokenPasses = new Map<string, Set<CallerLimits>>();
const TOKEN_PASSES = 1_000;
const TOKEN_PASS_MAX_CHARS = 10_000;

function rememberTokenPass(query: string, limits: CallerLimits): void {
  if (query.length > TOKEN_PASS_MAX_CHARS) return;
  const classes = tokenPasses.get(query) ?? new Set<CallerLimits>();
  classes.add(limits);
  tokenPasses.delete(query);
  tokenPasses.set(query, classes);
  if (tokenPasses.size > TOKEN_PASSES) tokenPasses.delete(tokenPasses.keys().next().value as string);
}

const withoutPrefix = (message: string) => message.replace(/^Syntax Error: /, '');

/**
 * What a document already passed, per caller class (the CallerLimits object): its token count and structure checks, and its
 * cost per variables. Apollo serves the same DocumentNode for the same text from its document cache, so a client repeating
 * an operation (every front end does) is checked once per class and variables; a document dropped from that cache is
 * forgotten with it (weak keys). Only passes are kept: a refused operation is checked again each time.
 */
interface PassedChecks {
  structure: Set<CallerLimits>;
  costs: Map<CallerLimits, Map<string, number>>;
}
const passed = new WeakMap<DocumentNode, PassedChecks>();
/** Variables sets remembered per document and class; past it, the oldest goes. */
const COSTS_PER_DOCUMENT = 64;

function passedChecks(document: DocumentNode): PassedChecks {
  let checks = passed.get(document);
  if (!checks) {
    checks = { structure: new Set(), costs: new Map() };
    passed.set(document, checks);
  }
  return checks;
}

/**
 * Checks a resolved operation against the caller's limits, before any subgraph is called: tokens, depth, aliases,
 * directives, cost. Throws a GraphQLError (HTTP 400) with the code of the first limit exceeded and `extensions.limit`.
 * Runs on every request, also when Apollo served the parsed document from its cache, so that an anonymous caller
 * cannot reuse a document an authenticated one sent.
 */
export function checkOperation(
  context: Pick<GraphQLRequestContextDidResolveOperation<object>, 'schema' | 'document' | 'request' | 'operationName' | 'source'>,
  caller: Caller,
  limits: GatewayLimits,
): void {
  const own = callerLimits(limits, caller !== null);
  const checks = passedChecks(context.document);
  if (!checks.structure.has(own)) {
    // The parse itself stops at the largest limit; a tighter one is counted again here, on the source (a persisted query
    // registered by an authenticated caller and sent by hash by an anonymous one).
    if (own.maxTokens < parseOptionsFor(limits).maxTokens) checkTokens(context.source, own.maxTokens);
    // One pass for the three rules; the first rejection (in rule order for an operation) is the one reported.
    const rejections: { code: GatewayErrorCode; limit: number; error: GraphQLError }[] = [];
    validate(
      context.schema,
      context.document,
      armorRules(own).map(([code, limit, rule]) => rule((error) => rejections.push({ code, limit, error }))),
    );
    const rejected = rejections[0];
    if (rejected) throw limitError(rejected.code, withoutPrefix(rejected.error.message), rejected.limit);
    checks.structure.add(own);
  }
  // Variables the operation cannot take (an unknown enum value, a wrong type) are the client's input error, answered as the
  // executor would answer it (BAD_USER_INPUT naming the variable), not as a costly query.
  const operation = getOperationAST(context.document, context.operationName ?? undefined);
  if (operation) {
    const coerced = getVariableValues(context.schema, operation.variableDefinitions ?? [], context.request.variables ?? {}, { maxErrors: 1 });
    const invalid = coerced.errors?.[0];
    if (invalid) throw new GraphQLError(invalid.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  const costKey = `${context.operationName ?? ''}\u0000${JSON.stringify(context.request.variables ?? {})}`;
  let costs = checks.costs.get(own);
  if (costs?.has(costKey)) return;
  let cost: number;
  try {
    cost = estimateCost(context, limits.cost, own.maxCost + 1);
  } catch {
    // More nodes than the cost limit: refused as too costly.
    throw limitError(GATEWAY_ERROR_CODES.COST_LIMIT, `Query cost limit of ${own.maxCost} exceeded.`, own.maxCost);
  }
  if (cost > own.maxCost) {
    throw limitError(GATEWAY_ERROR_CODES.COST_LIMIT, `Query cost limit of ${own.maxCost} exceeded, estimated ${cost}.`, own.maxCost);
  }
  if (!costs) {
    costs = new Map();
    checks.costs.set(own, costs);
  }
  if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value as string);
  costs.set(costKey, cost);
}

/**
 * The Apollo plugin that applies {@link checkOperation} to every operation, and gives a parse stopped by the token
 * limit its stable code (TOKEN_LIMIT) instead of GRAPHQL_PARSE_FAILED.
 */
export function abuseLimitsPlugin(limits: GatewayLimits): ApolloServerPlugin<{ caller: Caller }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          checkOperation(context, context.contextValue.caller, limits);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions.code === 'GRAPHQL_PARSE_FAILED' && PARSE_TOKEN_LIMIT.test(error.message)) {
              const limit = Math.max(limits.anonymous.maxTokens, limits.authenticated.maxTokens);
              Object.assign(error.extensions, { code: GATEWAY_ERROR_CODES.TOKEN_LIMIT, limit });
            }
          }
        },
      };
    },
  };
}

/** The parse options every request runs with: graphql-js stops parsing at the largest token limit of any caller. */
export function parseOptionsFor(limits: GatewayLimits): { maxTokens: number } {
  return { maxTokens: Math.max(limits.anonymous.maxTokens, limits.authenticated.maxTokens) };
}
