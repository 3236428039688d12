import { randomUUID } from 'node:crypto';
import { type DateRange, inputDate } from '@antt/service-kit';
import { orgUnitsConfigShape } from '../config';
import { type PrismaClient } from '../generated/prisma/client';
import { type ImportRow, type RejectedRow } from './import-row';
import { describeDatabaseError, ImportRepository } from './import.repository';
import { type ImportPlan, checkRows, planImport, referencedCodes } from './plan-import';

export interface ImportOptions {
  /** Date for rows without `effectiveFrom` (YYYY-MM-DD); without it such rows are refused. */
  effectiveFrom?: string | null;
  /** The dates a row may carry (default: the service's `ORG_UNITS_EARLIEST_DATE` … `ORG_UNITS_LATEST_DATE` defaults). */
  dates?: DateRange;
  /** Check every row and report, write nothing. */
  dryRun?: boolean;
  /** Import the valid rows even when others are refused (default: one refused row refuses the whole file). */
  partial?: boolean;
  /** Units per insert statement inside the one transaction (default 5,000). */
  chunkSize?: number;
  /** Recorded in the audit rows (default `bulk-import`). */
  actor?: string;
  /** Ties the `created` events of this import together (default: a fresh uuid). */
  correlationId?: string;
  /** Called inside the transaction once the plan is ready (done = 0) and after each chunk is written; awaited. */
  onProgress?: (done: number, total: number) => unknown;
}

/** Why nothing was written although the rows were valid. */
export interface ImportFailure {
  reason: 'IMPORT_WRITE_FAILED';
  /** The database's own words (SQLSTATE, message, detail). */
  message: string;
}

export interface ImportResult {
  /**
   * `imported`: the accepted units are committed; `refused`: rows were rejected and, without `partial`, nothing was
   * written; `failed`: the write failed and was rolled back (see `failure`); `dry-run`: nothing was written.
   */
  outcome: 'imported' | 'refused' | 'failed' | 'dry-run';
  /** Rows that passed every check: the units a partial import (or a dry run of one) creates. */
  valid: number;
  /** Units committed. */
  imported: number;
  /** Every refused row, in file order. */
  rejected: RejectedRow[];
  failure: ImportFailure | null;
  dryRun: boolean;
  partial: boolean;
}

const DEFAULT_DATES: DateRange = {
  earliest: orgUnitsConfigShape.ORG_UNITS_EARLIEST_DATE.parse(undefined),
  latest: orgUnitsConfigShape.ORG_UNITS_LATEST_DATE.parse(undefined),
};

/**
 * Imports a whole tree. Every row is checked first (canonical codes, names and dates, counts within range, kinds and
 * attributes), then against the tree: parents and managing units in the file or already stored (live on the row's
 * date, of an allowed kind), codes not taken. Rows come in any order; accepted units are written parents first.
 *
 * The file is one transaction: it locks the stored units the rows hang under, plans against what it locked and writes
 * every unit, its version, its audit row and one `org-units.unit.created` outbox event, or nothing. By default one
 * refused row refuses the file; with `partial` the valid rows are imported and the others reported. A database failure
 * rolls everything back and is returned as `failure`, beside the rows refused.
 */
export async function importUnits(prisma: PrismaClient, rows: readonly ImportRow[], options: ImportOptions = {}): Promise<ImportResult> {
  const dates = options.dates ?? DEFAULT_DATES;
  const defaultEffectiveFrom =
    options.effectiveFrom === undefined || options.effectiveFrom === null
      ? null
      : inputDate(options.effectiveFrom, { field: 'effectiveFrom', reason: 'UNIT_INVALID_DATE', range: dates });
  const partial = options.partial ?? false;
  const dryRun = options.dryRun ?? false;
  const checked = checkRows(rows, { defaultEffectiveFrom, dates });
  const codes = [...checked.candidates.keys()];
  const references = referencedCodes(checked);
  const repository = new ImportRepository(prisma);
  const result = (outcome: ImportResult['outcome'], plan: ImportPlan, imported = 0, failure: ImportFailure | null = null): ImportResult => ({
    outcome,
    valid: plan.accepted.length,
    imported,
    rejected: plan.rejected,
    failure,
    dryRun,
    partial,
  });

  if (dryRun) {
    const plan = planImport(checked, await repository.takenCodes(codes), await repository.unitsByCode(references));
    return result('dry-run', plan);
  }

  let plan: ImportPlan = { accepted: [], rejected: checked.rejected };
  const chunkSize = options.chunkSize ?? 5000;
  const actor = options.actor ?? 'bulk-import';
  const correlationId = options.correlationId ?? randomUUID();
  try {
    const written = await repository.transaction(
      async (tx) => {
        const stored = await tx.lockUnitsByCode(references);
        await tx.lockCodes(codes);
        plan = planImport(checked, await tx.takenCodes(codes), stored);
        if (plan.rejected.length > 0 && !partial) return false;
        const total = plan.accepted.length;
        await options.onProgress?.(0, total);
        for (let start = 0; start < total; start += chunkSize) {
          const chunk = plan.accepted.slice(start, start + chunkSize);
          await tx.insertUnits(chunk, actor, correlationId);
          await options.onProgress?.(start + chunk.length, total);
        }
        return true;
      },
      120_000 + 20 * rows.length,
    );
    if (!written) return result('refused', plan);
  } catch (error) {
    return result('failed', plan, 0, { reason: 'IMPORT_WRITE_FAILED', message: describeDatabaseError(error) });
  }
  if (plan.accepted.length > 0) await repository.refreshStatistics();
  return result('imported', plan, plan.accepted.length);
}
