import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { type Identity } from '@antt/auth';
import { Presets, SingleBar } from 'cli-progress';
import { loadImportConfig } from '../import/config';
import { createOrgUnitsDomain } from '../domain/org-units.module';
import { type PlanReport, type ReorganisationPlan } from '../domain/reorganisation';
import { systemClock } from '../domain/shared/clock';
import { UNIT_KINDS, type UnitKind } from '../domain/unit';
import { createOrgUnitsDatabase } from '../infrastructure/prisma-client';
import { readMappingFile } from './read-mapping';

const USAGE = `usage: tsx apps/org-units/src/reorganise/cli.ts <mapping.csv|mapping.json> --date YYYY-MM-DD --name "…" --legal-basis "…"
       [--abolish DISTRICT]… [--corrects <planId>] [--apply]
Records the plan (DRAFT), prints its dry run, and with --apply applies it atomically. Exit: 0 done, 1 the plan is invalid, 2 an error.`;

/** The operator running the tool on the database directly acts as SYSTEM_ADMIN, named in the audit. */
function operator(): Identity {
  return { subject: `cli:${userInfo().username}`, roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: '00000000-0000-0000-0000-000000000000' };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      name: { type: 'string' },
      'legal-basis': { type: 'string' },
      abolish: { type: 'string', multiple: true, default: [] },
      corrects: { type: 'string' },
      apply: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length !== 1 || !values.date || !values.name || !values['legal-basis']) {
    console.error(USAGE);
    return 2;
  }
  const abolishKinds = values.abolish.map((kind) => kind.toUpperCase());
  const unknownKind = abolishKinds.find((kind) => !(UNIT_KINDS as readonly string[]).includes(kind));
  if (unknownKind) throw new Error(`--abolish ${unknownKind}: not a unit kind`);
  const config = loadImportConfig();
  const database = createOrgUnitsDatabase(config.DATABASE_URL, 4);
  const services = createOrgUnitsDomain(database, systemClock('Asia/Ho_Chi_Minh'), config.dates).forRequest();
  const context = { caller: operator(), correlationId: `reorganise-cli-${Date.now()}` };
  const bar = new SingleBar({ format: 'plan {bar} {value}/{total} steps | {step}' }, Presets.shades_classic);
  const steps = values.apply ? 4 : 3;
  try {
    bar.start(steps, 0, { step: `reading ${file}` });
    const rows = await readMappingFile(file);
    bar.update(1, { step: `converting ${rows.length} rows and recording the plan` });
    const started = performance.now();
    const plan = await services.reorganisations.createPlanFromMapping(
      context,
      { name: values.name, legalBasis: values['legal-basis'], effectiveDate: values.date, rows, abolishKinds: abolishKinds as UnitKind[], correctsPlanId: values.corrects ?? null },
      { maxOperations: Number.POSITIVE_INFINITY },
    );
    bar.update(2, { step: `dry run of ${plan.operations.length} operations` });
    const recorded = performance.now();
    const dryRun = await services.reorganisations.dryRun(context.caller, plan);
    const dryRunDone = performance.now();
    let applied: ReorganisationPlan | null = null;
    const phases = new Map<string, number>();
    if (values.apply && dryRun.valid) {
      bar.update(3, { step: 'applying' });
      applied = await services.reorganisations.applyPlan(context, plan.id, phases);
    }
    bar.update(steps, { step: 'done' });
    bar.stop();
    const seconds = (from: number, to: number) => (to - from) / 1000;
    printReport(plan, dryRun, {
      record: seconds(started, recorded),
      dryRun: seconds(recorded, dryRunDone),
      apply: applied ? seconds(dryRunDone, performance.now()) : null,
    }, applied);
    if (applied) console.log(`Apply phases: ${[...phases].map(([name, secs]) => `${name} ${secs.toFixed(1)} s`).join(', ')}.`);
    return dryRun.valid ? 0 : 1;
  } finally {
    bar.stop();
    await database.prisma.$disconnect();
  }
}

interface Timings {
  record: number;
  dryRun: number;
  apply: number | null;
}

function printReport(plan: ReorganisationPlan, report: PlanReport, timings: Timings, applied: ReorganisationPlan | null): void {
  console.log(`Plan ${plan.id} "${plan.name}" (${plan.legalBasis}), effective ${plan.effectiveDate}: ${plan.operations.length} operations.`);
  console.log(`Converted and recorded in ${timings.record.toFixed(1)} s.`);
  console.log(
    `Dry run in ${timings.dryRun.toFixed(1)} s: ${report.valid ? 'valid' : `INVALID, ${report.errorCount} error(s)`}; ` +
      `${report.created} created, ${report.dissolved} dissolved, ${report.moved} moved, ${report.renamed} renamed, ` +
      `${report.reclassified} reclassified, ${report.rehomed} rehomed, ${report.unitsChanged} units changed, ${report.lineageEdges} lineage edges.`,
  );
  const table = new Map<string, { before: number; after: number }>();
  for (const [side, counts] of [['before', report.before], ['after', report.after]] as const) {
    for (const count of counts) {
      const key = `${count.kind} under ${count.parentKind ?? '(none)'}`;
      const entry = table.get(key) ?? { before: 0, after: 0 };
      entry[side] = count.count;
      table.set(key, entry);
    }
  }
  for (const [key, { before, after }] of [...table].sort()) console.log(`  ${key.padEnd(40)} ${String(before).padStart(7)} → ${after}`);
  for (const error of report.errors.slice(0, 100)) {
    console.log(`  operation ${error.index ?? '-'} ${error.unitCode ?? ''}: ${error.reason} ${error.message}`);
  }
  if (applied) console.log(`Applied in ${(timings.apply ?? 0).toFixed(1)} s; plan ${applied.id} is ${applied.status}.`);
  else if (report.valid) console.log(`Recorded as DRAFT; run again with --apply, or apply it through the API (applyReorganisationPlan).`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
