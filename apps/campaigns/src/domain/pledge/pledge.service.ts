import { randomUUID } from 'node:crypto';
import { type UnitKind } from '@antt/contracts';
import { type Identity } from '@antt/auth';
import { appendToOutbox } from '@antt/events';
import { DomainError, type Clock, type PersonalDataCipher, badInput, notFound } from '@antt/service-kit';
import { type SqlClient, UnitDirectory } from '@antt/unit-directory';
import { type BulkSql } from '../../infrastructure/bulk-sql';
import { type CampaignPolicy, type CampaignRepository, type CampaignView, type CommandContext, EVENT_SOURCE, campaignErrors, type ScopePart, scopeContains, scopePartsOn } from '../campaign';
import { type CampaignInput, clampDate } from '../shared';
import { parsePledgeCsv } from './pledge-csv';
import { pledgeErrors, type RowFault, rowFault } from './pledge.errors';
import { pledgeCoverageChanged } from './pledge.events';
import { type PledgePolicy } from './pledge.policy';
import { type NewPledge, type PledgeRepository } from './pledge.repository';
import { type CanonicalRow, PLEDGE_COLUMNS, SIGNERS_BY_UNIT_KIND, canonicalRow, checkColumns, dedupMaterial } from './pledge.rules';
import { type ErasePledgeInput, type ImportPledgesCommand, type PledgeImportReportView, type PledgeRejection, type PledgeRowInput, type SignPledgeInput } from './pledge.types';

/** Most rows one import batch (one transaction) takes. */
export const MAX_PLEDGE_BATCH = 1000;

/** One batch's transaction: its connection and the unit directory read through it. */
interface BatchTx {
  sql: SqlClient;
  directory: UnitDirectory;
}

interface Accepted {
  row: CanonicalRow;
  unitId: string;
  unitKind: string;
  signedOn: string;
  dedupKey: string;
}

/**
 * Pledge commands. An import batch is one transaction: every row is canonicalised, its unit checked on the unit directory on
 * the signature's date (inside the caller's jurisdiction and the campaign), its duplicate key computed (HMAC), then the new
 * pledges are written in one statement and one coverage event per unit touched goes to the outbox. Rows already present
 * (same person or household, same unit) are reported, not written again: re-running a file changes nothing.
 */
export class PledgeService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly bulk: BulkSql,
    private readonly pledges: PledgeRepository,
    private readonly campaignPolicy: CampaignPolicy,
    private readonly policy: PledgePolicy,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly input: CampaignInput,
  ) {}

  /** One batch of at most {@link MAX_PLEDGE_BATCH} rows, all or nothing unless `partial`. */
  async importBatch(context: CommandContext, command: ImportPledgesCommand): Promise<PledgeImportReportView> {
    const identity = this.policy.writer(context.caller);
    if (command.columns !== null) {
      const { missing, unexpected } = checkColumns(command.columns);
      if (missing.length > 0 || unexpected.length > 0) throw pledgeErrors.columns(missing, unexpected, PLEDGE_COLUMNS);
    }
    if (command.rows.length > MAX_PLEDGE_BATCH) throw pledgeErrors.tooMany(command.rows.length, MAX_PLEDGE_BATCH);
    const partial = command.partial === true;
    return this.batch(async (tx) => {
      const campaign = await this.lockVisible(tx, context, command.campaignId);
      const { accepted, rejections } = await this.check(tx, identity, campaign, command.rows);
      if (rejections.length > 0 && !partial) throw pledgeErrors.refused(rejections);
      const written = await this.write(tx, context, identity, campaign, accepted);
      rejections.push(...written.rejections);
      // All or nothing: a row whose person pledged at another unit rolls the batch back (the insert included).
      if (rejections.length > 0 && !partial) throw pledgeErrors.refused(rejections);
      rejections.sort((a, b) => a.row - b.row);
      return {
        received: command.rows.length,
        imported: written.imported,
        alreadyPresent: written.alreadyPresent,
        rejected: rejections.length,
        rejections,
        unitsChanged: written.units,
      };
    });
  }

  /** A batch sent as CSV text (the mutation): parsed, its header checked, then {@link importBatch}. */
  async importCsv(context: CommandContext, raw: { campaignId: string; csv: string; partial?: boolean | null }): Promise<PledgeImportReportView> {
    this.policy.writer(context.caller);
    const { columns, rows } = parsePledgeCsv(raw.csv);
    return this.importBatch(context, { campaignId: raw.campaignId, columns, rows, partial: raw.partial });
  }

  /** One signature (a form): the same checks; a person already pledged is CONFLICT PLEDGE_EXISTS, a bad field its own error. */
  async sign(context: CommandContext, raw: SignPledgeInput): Promise<string> {
    const identity = this.policy.writer(context.caller);
    const unitId = this.input.id(raw.unitId, 'unitId');
    return this.batch(async (tx) => {
      const campaign = await this.lockVisible(tx, context, raw.campaignId);
      // The unit is given by id: its code is not looked up (the row's unit is `unitId`).
      const values: Record<string, string> = {
        unit_code: 'BY-ID',
        signer_kind: raw.signerKind,
        full_name: raw.fullName,
        birth_year: raw.birthYear === null || raw.birthYear === undefined ? '' : String(raw.birthYear),
        citizen_id: raw.citizenId ?? '',
        phone: raw.phone ?? '',
        household_code: raw.householdCode ?? '',
        signed_on: raw.signedOn ?? '',
      };
      const { accepted, faults } = await this.check(tx, identity, campaign, [{ row: 1, values }], unitId);
      const written = accepted.length > 0 ? await this.write(tx, context, identity, campaign, accepted) : null;
      const fault = faults[0] ?? written?.faults[0] ?? (written?.imported === 0 ? rowFault(accepted[0]?.row.citizenId ? 'citizen_id' : 'full_name', existsError()) : undefined);
      if (fault || !written) {
        const error = fault?.error ?? existsError();
        throw new DomainError(error.category, error.reason, error.message, { ...error.details, field: fieldName(fault?.column ?? null) });
      }
      return written.ids[0] as string;
    });
  }

  /** Removes a person's personal data on request: the pledge stays, ERASED, still counted; who, when and why are kept. */
  async erase(context: CommandContext, raw: ErasePledgeInput): Promise<string> {
    const identity = this.policy.eraser(context.caller);
    const pledgeId = this.input.id(raw.pledgeId, 'pledgeId');
    const reason = this.input.reason(raw.reason);
    return this.campaigns.transaction(async (tx) => {
      const pledges = this.pledges.within(tx.client);
      const pledge = await pledges.lock(pledgeId);
      const campaign = pledge ? await tx.find(pledge.campaignId) : null;
      if (!pledge || !campaign) throw pledgeErrors.notFound(pledgeId);
      const date = clampDate(this.clock.today(), campaign.periodStart, campaign.periodEnd);
      if (!(await this.policy.canSeeUnit(tx.directory, context.caller, pledge.unitId, date)) && !(await this.policy.canSeeUnit(tx.directory, context.caller, pledge.unitId, pledge.signedOn))) {
        throw pledgeErrors.notFound(pledgeId);
      }
      if (pledge.status === 'ERASED') throw pledgeErrors.alreadyErased(pledgeId);
      await pledges.erase(pledgeId, identity.subject, reason);
      return pledgeId;
    });
  }

  /** Import batches and signatures run on the bulk path's own pg connection: one transaction, no Prisma per statement. */
  private batch<T>(work: (tx: BatchTx) => Promise<T>): Promise<T> {
    return this.bulk.transaction((sql) => work({ sql, directory: new UnitDirectory(sql) }));
  }

  private async check(tx: BatchTx, identity: Identity, campaign: CampaignView, rows: readonly PledgeRowInput[], knownUnitId?: string) {
    const today = this.clock.today();
    const defaultDate = clampDate(today, campaign.periodStart, campaign.periodEnd);
    const currentYear = Number(today.slice(0, 4));
    const rejections: PledgeRejection[] = [];
    const faults: RowFault[] = [];
    const reject = (row: number, fault: RowFault) => {
      faults.push(fault);
      rejections.push({ row, column: fault.column, code: fault.error.reason, reason: fault.error.message });
    };
    const canonical: CanonicalRow[] = [];
    for (const raw of rows) {
      const result = canonicalRow(raw.row, raw.values, this.input.dates, currentYear);
      if (Array.isArray(result)) for (const fault of result) reject(raw.row, fault);
      else canonical.push(result);
    }
    const pledges = this.pledges.within(tx.sql);
    const ids = knownUnitId ? new Map<string, string>() : await pledges.unitIdsByCode([...new Set(canonical.map((row) => row.unitCode))]);
    const dated = canonical.map((row) => ({ row, unitId: knownUnitId ?? ids.get(row.unitCode) ?? null, signedOn: row.signedOn ?? defaultDate }));
    const pairs = dated.flatMap((entry) => (entry.unitId ? [{ unitId: entry.unitId, onDate: entry.signedOn }] : []));
    // The scope on each signing date, followed through the lineage (ADR 0010): one whole unit is checked by the statement
    // below; a scope split by a reform into parts is checked unit by unit against its parts (a PARTIAL part holds only what
    // came from the split unit).
    const scopes = new Map<string, ScopePart[]>();
    for (const date of new Set(pairs.map((pair) => pair.onDate))) scopes.set(date, await scopePartsOn(tx.directory, campaign, date));
    const wholeScope = (date: string) => {
      const parts = scopes.get(date) ?? [];
      return parts.length === 1 && parts[0]?.share === 'WHOLE' ? parts[0].unitId : null;
    };
    const scopeOf = (date: string) => wholeScope(date) ?? campaign.scopeUnitId;
    const units = new Map((await pledges.unitsOnDates(pairs, this.policy.writeRoot(identity), scopeOf)).map((unit) => [`${unit.unitId}|${unit.onDate}`, unit]));
    for (const unit of units.values()) {
      if (wholeScope(unit.onDate) === null) unit.withinScope = await scopeContains(tx.directory, scopes.get(unit.onDate) ?? [], unit.unitId, unit.onDate);
    }
    const candidates: Accepted[] = [];
    const seen = new Map<string, number>();
    for (const { row, unitId, signedOn } of dated) {
      if (signedOn < campaign.periodStart || signedOn > campaign.periodEnd) {
        reject(row.row, rowFault('signed_on', badInput('PLEDGE_DATE_OUTSIDE_PERIOD', `signed_on: ${signedOn} is outside the campaign's period ${campaign.periodStart}..${campaign.periodEnd}`, { value: signedOn })));
        continue;
      }
      if (signedOn > today) {
        reject(row.row, rowFault('signed_on', badInput('PLEDGE_DATE_IN_FUTURE', `signed_on: ${signedOn} is after today (${today})`, { value: signedOn })));
        continue;
      }
      const unit = unitId ? units.get(`${unitId}|${signedOn}`) : undefined;
      if (!unit || !unit.withinJurisdiction) {
        reject(row.row, rowFault('unit_code', notFound('PLEDGE_UNIT_NOT_FOUND', `unit_code: no such unit on ${signedOn}`, { date: signedOn })));
        continue;
      }
      if (this.policy.ownUnitOnly(identity) && unit.unitId !== identity.jurisdictionUnitId) {
        reject(row.row, rowFault('unit_code', new DomainError('FORBIDDEN', 'PLEDGE_OWN_UNIT_ONLY', 'unit_code: a unit officer collects its own unit\'s pledges only')));
        continue;
      }
      if (!unit.withinScope) {
        reject(row.row, rowFault('unit_code', badInput('PLEDGE_UNIT_OUTSIDE_CAMPAIGN', `unit_code: on ${signedOn} the unit does not take part in this campaign`, { date: signedOn })));
        continue;
      }
      if (!(SIGNERS_BY_UNIT_KIND[unit.kind] ?? []).includes(row.signerKind)) {
        reject(row.row, rowFault('signer_kind', badInput('PLEDGE_SIGNER_KIND_NOT_ALLOWED', `signer_kind: a ${unit.kind} has no ${row.signerKind} signers`, { unitKind: unit.kind })));
        continue;
      }
      const { prefix, material } = dedupMaterial(unit.unitId, row);
      const dedupKey = `${prefix}:${this.cipher.hash(material)}`;
      const first = seen.get(dedupKey);
      if (first !== undefined) {
        const column = prefix === 'cid' ? 'citizen_id' : prefix === 'hh' ? 'household_code' : 'full_name';
        reject(row.row, rowFault(column, badInput('PLEDGE_DUPLICATE_ROW', `${column}: the same ${prefix === 'hh' ? 'household' : 'person'} as row ${first}`, { firstRow: first })));
        continue;
      }
      seen.set(dedupKey, row.row);
      candidates.push({ row, unitId: unit.unitId, unitKind: unit.kind, signedOn, dedupKey });
    }
    return { accepted: candidates, rejections, faults };
  }

  private async write(tx: BatchTx, context: CommandContext, identity: Identity, campaign: CampaignView, accepted: readonly Accepted[]) {
    const pledges = this.pledges.within(tx.sql);
    const rows: NewPledge[] = accepted.map((entry) => ({
      id: randomUUID(),
      campaignId: campaign.id,
      rootCampaignId: campaign.rootCampaignId,
      unitId: entry.unitId,
      unitKind: entry.unitKind,
      signerKind: entry.row.signerKind,
      signedOn: entry.signedOn,
      dedupKey: entry.dedupKey,
      citizenIdEnc: entry.row.citizenId ? this.cipher.encrypt(entry.row.citizenId) : null,
      fullName: entry.row.fullName,
      phone: entry.row.phone,
      birthYear: entry.row.birthYear,
      householdCode: entry.row.householdCode,
    }));
    const { written, held } = await pledges.insertMany(rows, identity.subject);
    // Keys already held (a re-run, or a concurrent import): the same person or household at the same unit is already present;
    // anywhere else it is a duplicate pledge, refused. A holder committed after the insert's snapshot is read again.
    const conflicting = accepted.filter((_, index) => !written.has((rows[index] as NewPledge).id));
    const unseen = conflicting.filter((entry) => held.get(entry.dedupKey) === null).map((entry) => entry.dedupKey);
    const existing = new Map([...held].flatMap(([key, holder]) => (holder ? [[key, holder] as const] : [])));
    for (const [key, holder] of await pledges.existingKeys(campaign.rootCampaignId, unseen)) existing.set(key, holder);
    let alreadyPresent = 0;
    const faults: RowFault[] = [];
    const rejections: PledgeRejection[] = [];
    for (const entry of conflicting) {
      const held = existing.get(entry.dedupKey);
      if (held && held.unitId === entry.unitId && held.signerKind === entry.row.signerKind) alreadyPresent += 1;
      else {
        const fault = rowFault(entry.row.citizenId ? 'citizen_id' : entry.row.signerKind === 'HOUSEHOLD' ? 'household_code' : 'full_name', existsError());
        faults.push(fault);
        rejections.push({ row: entry.row.row, column: fault.column, code: fault.error.reason, reason: fault.error.message });
      }
    }
    const added = new Map<string, { kind: string; added: number }>();
    for (const row of rows) {
      if (!written.has(row.id)) continue;
      const unit = added.get(row.unitId) ?? { kind: row.unitKind, added: 0 };
      unit.added += 1;
      added.set(row.unitId, unit);
    }
    if (added.size > 0) {
      const countedOn = clampDate(this.clock.today(), campaign.periodStart, campaign.periodEnd);
      const counts = await pledges.countsByUnit(campaign.rootCampaignId, [...added.keys()]);
      const events = [];
      for (const [unitId, unit] of added) {
        const attributes = (await tx.directory.unitAt(unitId, countedOn))?.attributes ?? {};
        const change = { rootCampaignId: campaign.rootCampaignId, unitId, unitKind: unit.kind as UnitKind, added: unit.added, attributes, countedOn };
        events.push(pledgeCoverageChanged({ ...change, counts: counts.get(unitId) ?? { staff: 0, pupils: 0, residents: 0, households: 0, erased: 0 } }, context.correlationId));
      }
      await appendToOutbox(tx.sql, events, { source: EVENT_SOURCE });
    }
    return { imported: written.size, units: added.size, ids: rows.filter((row) => written.has(row.id)).map((row) => row.id), alreadyPresent, faults, rejections };
  }

  /** The campaign, locked against a concurrent close, LAUNCHED and visible to the caller; else absent or refused. */
  private async lockVisible(tx: BatchTx, context: CommandContext, rawCampaignId: string): Promise<CampaignView> {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const campaign = await this.pledges.within(tx.sql).lockCampaign(campaignId);
    const viewDate = campaign ? clampDate(this.clock.today(), campaign.periodStart, campaign.periodEnd) : '';
    if (!campaign || !(await this.campaignPolicy.canRead(tx.directory, context.caller, campaign, viewDate, 'write'))) throw campaignErrors.notFound(campaignId, 'campaignId');
    if (campaign.status !== 'LAUNCHED') throw pledgeErrors.campaignNotLaunched(campaign.id, campaign.status);
    return campaign;
  }
}

const FIELD_OF_COLUMN: Record<string, string> = {
  unit_code: 'unitId',
  signer_kind: 'signerKind',
  full_name: 'fullName',
  birth_year: 'birthYear',
  citizen_id: 'citizenId',
  phone: 'phone',
  household_code: 'householdCode',
  signed_on: 'signedOn',
};

function fieldName(column: string | null): string {
  return column ? (FIELD_OF_COLUMN[column] ?? column) : 'input';
}

function existsError() {
  return new DomainError('CONFLICT', 'PLEDGE_EXISTS', 'This person or household has already pledged in this campaign');
}
