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
 * The Relay shape of a page. `edges`, `pageInfo` and `totalCount` stay functions: GraphQL's default field resolver
 * calls them only for the fields selected, so the page is queried only with `edges` or `pageInfo`, the count only
 * with `totalCount`.
 */
export function toConnection(page: UnitPage, afterCode: string | null) {
  const edges = async () => (await page.rows()).nodes.map((node) => ({ cursor: encodeCursor(node.code), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: async () => {
      const [list, { hasNextPage }] = await Promise.all([edges(), page.rows()]);
      return {
        hasNextPage,
        hasPreviousPage: afterCode !== null,
        startCursor: list[0]?.cursor ?? null,
        endCursor: list[list.length - 1]?.cursor ?? null,
      };
    },
  };
}

/** What a connection resolver returns (the `UnitConnection` mapper). */
export type UnitConnectionSource = ReturnType<typeof toConnection>;
