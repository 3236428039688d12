import { badInput } from '@antt/service-kit';
import { type PageRequest, type UnitPage } from '../domain/unit';

/** Cursors are the base64url of the unit code (connections are ordered by code). */
export function encodeCursor(code: string): string {
  return Buffer.from(code, 'utf8').toString('base64url');
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  if (first !== null && first !== undefined && first < 0) throw badInput('INVALID_PAGE', '`first` cannot be negative');
  const afterCode = after ? Buffer.from(after, 'base64url').toString('utf8') : null;
  if (after && (!afterCode || encodeCursor(afterCode) !== after)) throw badInput('INVALID_CURSOR', 'Unknown cursor');
  return { first: first ?? 50, afterCode };
}

/**
 * The Relay shape of a page. `totalCount` stays a function: GraphQL's default field resolver calls it only when the
 * field is selected, so the count query runs only then.
 */
export function toConnection(page: UnitPage, afterCode: string | null) {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node.code), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: afterCode !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** What a connection resolver returns (the `UnitConnection` mapper). */
export type UnitConnectionSource = ReturnType<typeof toConnection>;
