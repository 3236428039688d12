import { randomUUID } from 'node:crypto';
import { type PrismaClient } from '../generated/prisma/client';
import { type ImportRow, type RejectedRow } from './import-row';
import { ImportRepository } from './import.repository';
import { planImport } from './plan-import';

export interface ImportOptions {
  /** Date for rows without `effectiveFrom` (YYYY-MM-DD). */
  effectiveFrom?: string | null;
  /** Check every row and report, write nothing. */
  dryRun?: boolean;
  /** Units per transaction (default 5,000). */
  chunkSize?: number;
  /** Recorded in the audit rows (default `bulk-import`). */
  actor?: string;
  /** Ties the `created` events of this import together (default: a fresh uuid). */
  correlationId?: string;
  /** Called after each chunk is committed (and once before the first). */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  /** Units created (in a dry run: that would be created). */
  imported: number;
  rejected: RejectedRow[];
  dryRun: boolean;
}

/**
 * Imports a whole tree: rows in any order (sorted so that parents come first), parents found in the file or in the
 * database, every row checked against the same rules as `createUnit`. Accepted units are written in chunks, each one
 * transaction holding the units, their versions, audit rows and one `org-units.unit.created` outbox event per unit.
 * Rejected rows are returned with their row number, code and reason; they never stop the others.
 */
export async function importUnits(prisma: PrismaClient, rows: readonly ImportRow[], options: ImportOptions = {}): Promise<ImportResult> {
  const repository = new ImportRepository(prisma);
  const codes = rows.map((row) => String(row.code ?? '').trim()).filter((code) => code.length > 0);
  const existing = await repository.findExisting([...new Set(codes)]);
  const plan = planImport(rows, existing, options.effectiveFrom ?? null);
  const total = plan.accepted.length;
  if (options.dryRun) return { imported: total, rejected: plan.rejected, dryRun: true };
  const chunkSize = options.chunkSize ?? 5000;
  const actor = options.actor ?? 'bulk-import';
  const correlationId = options.correlationId ?? randomUUID();
  options.onProgress?.(0, total);
  for (let start = 0; start < total; start += chunkSize) {
    const chunk = plan.accepted.slice(start, start + chunkSize);
    await repository.insertChunk(chunk, actor, correlationId);
    options.onProgress?.(start + chunk.length, total);
  }
  if (total > 0) await repository.refreshStatistics();
  return { imported: total, rejected: plan.rejected, dryRun: false };
}
