import { type DomainError, badInput, conflict, notFound } from '@antt/service-kit';

/** Every reason a pledge or a pledge row is refused with; clients (and import reports) switch on it. */
export const PLEDGE_ERROR_REASONS = [
  'PLEDGE_CSV_COLUMNS',
  'PLEDGE_CSV_INVALID',
  'PLEDGE_TOO_MANY_ROWS',
  'PLEDGE_IMPORT_REFUSED',
  'PLEDGE_CAMPAIGN_NOT_LAUNCHED',
  'PLEDGE_UNIT_NOT_FOUND',
  'PLEDGE_UNIT_OUTSIDE_CAMPAIGN',
  'PLEDGE_OWN_UNIT_ONLY',
  'PLEDGE_SIGNER_KIND_NOT_ALLOWED',
  'PLEDGE_INVALID_SIGNER_KIND',
  'PLEDGE_INVALID_CITIZEN_ID',
  'PLEDGE_INVALID_PHONE',
  'PLEDGE_INVALID_BIRTH_YEAR',
  'PLEDGE_BIRTH_YEAR_REQUIRED',
  'PLEDGE_HOUSEHOLD_CODE_REQUIRED',
  'PLEDGE_DATE_OUTSIDE_PERIOD',
  'PLEDGE_DATE_IN_FUTURE',
  'PLEDGE_DUPLICATE_ROW',
  'PLEDGE_EXISTS',
  'PLEDGE_NOT_FOUND',
  'PLEDGE_ALREADY_ERASED',
] as const;
export type PledgeErrorReason = (typeof PLEDGE_ERROR_REASONS)[number];

export const pledgeErrors = {
  columns: (missing: readonly string[], unexpected: readonly string[], expected: readonly string[]) =>
    badInput(
      'PLEDGE_CSV_COLUMNS',
      `The CSV header must name exactly the columns ${expected.join(', ')}` +
        `${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}${unexpected.length > 0 ? `; not expected: ${unexpected.join(', ')}` : ''}`,
      { field: 'csv', missing: [...missing], unexpected: [...unexpected], expected: [...expected] },
    ),
  tooMany: (count: number, max: number) => badInput('PLEDGE_TOO_MANY_ROWS', `csv: at most ${max} rows per batch, got ${count}`, { field: 'csv', max, count }),
  refused: (rejections: ReadonlyArray<{ row: number; column: string | null; code: string; reason: string }>) =>
    badInput('PLEDGE_IMPORT_REFUSED', `${rejections.length} row(s) refused; nothing was written (ask for partial to write the others)`, {
      field: 'csv',
      rejected: rejections.length,
      rejections: rejections.slice(0, 1000),
    }),
  campaignNotLaunched: (campaignId: string, status: string) =>
    conflict('PLEDGE_CAMPAIGN_NOT_LAUNCHED', 'campaignId: pledges are signed only while the campaign is launched', { campaignId, status, field: 'campaignId' }),
  notFound: (pledgeId: string) => notFound('PLEDGE_NOT_FOUND', 'pledgeId: no such pledge', { field: 'pledgeId', pledgeId }),
  alreadyErased: (pledgeId: string) => conflict('PLEDGE_ALREADY_ERASED', 'pledgeId: the pledge was already erased', { field: 'pledgeId', pledgeId }),
};

/** A rejected row: the rule's reason, the column it is about, and its category when raised alone (one signature). */
export interface RowFault {
  column: string | null;
  error: DomainError;
}

export const rowFault = (column: string | null, error: DomainError): RowFault => ({ column, error });
