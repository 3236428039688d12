import { badInput, inputPageSize } from '@antt/service-kit';
import { type PageRequest, type UnitPage } from '../domain/unit';

/** Largest page a connection serves; a larger `first` is refused (PAGE_SIZE_TOO_LARGE), never silently cut. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 50;
const CURSOR_CODE = /^[A-Z0-9._-]{1,64}$/;

/** Cursors are the base64url of the unit code (connections are ordered by code). */
export function encodeCursor(code: string): string {
  return Buffer.from(code, 'utf8').toString('base64url');
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = inputPageSize(first, { field: 'first', max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE });
  if (after === null || after === undefined || after === '') return { first: size, afterCode: null };
  const afterCode = after.length <= 128 ? Buffer.from(after, 'base64url').toString('utf8') : '';
  if (!CURSOR_CODE.test(afterCode) || encodeCursor(afterCode) !== after) {
    throw badInput('INVALID_CURSOR', 'after: unknown cursor', { field: 'after' });
  }
  return { first: size, afterCode };
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
