import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_ASSERTION_HEADER, signGatewayAssertion, type Caller } from '@antt/auth';
import { REQUEST_ID_HEADER, type Logger } from '@antt/service-kit';

/** What the gateway knows about each incoming request. */
export interface GatewayContext {
  caller: Caller;
  requestId: string;
  logger: Logger;
}

/**
 * Calls a subgraph over HTTP with the caller signed into `x-antt-gateway-assertion` and the request id in
 * `x-request-id`. Requests the gateway makes on its own (no incoming request) go as anonymous.
 */
export class AssertionDataSource extends RemoteGraphQLDataSource<Partial<GatewayContext>> {
  private readonly assertions = new WeakMap<object, Promise<string>>();

  constructor(
    url: string,
    private readonly signingKey: string,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(GATEWAY_ASSERTION_HEADER, await this.assertionFor(context));
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** One signature per incoming request, shared by all the subgraph fetches of its query plan. */
  private assertionFor(context: Partial<GatewayContext>): Promise<string> {
    let assertion = this.assertions.get(context);
    if (!assertion) {
      assertion = signGatewayAssertion(context.caller ?? null, this.signingKey);
      this.assertions.set(context, assertion);
    }
    return assertion;
  }
}
