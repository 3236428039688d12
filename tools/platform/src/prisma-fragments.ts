/**
 * Copies the Prisma schema fragments that kits ship (outbox and inbox tables, unit directory) into the prisma folder of every
 * service that uses them, so that each service's own schema and migrations own those tables. `--check` fails when a copy differs.
 *
 * usage: tsx tools/platform/src/prisma-fragments.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

const FRAGMENTS = {
  events: 'packages/events/prisma/events.prisma',
  unitDirectory: 'packages/unit-directory/prisma/unit-directory.prisma',
} as const;

/** Which fragments each service's schema folder holds. */
export const SERVICE_FRAGMENTS: Record<string, ReadonlyArray<keyof typeof FRAGMENTS>> = {
  'apps/org-units': ['events'],
  'apps/campaigns': ['events', 'unitDirectory'],
  'apps/models': ['events', 'unitDirectory'],
  'apps/assessments': ['events', 'unitDirectory'],
  'apps/awards': ['events', 'unitDirectory'],
};

interface Difference {
  target: string;
  reason: 'missing' | 'differs';
}

export function syncFragments(check: boolean): Difference[] {
  const differences: Difference[] = [];
  for (const [service, names] of Object.entries(SERVICE_FRAGMENTS)) {
    for (const name of names) {
      const source = path.join(root, FRAGMENTS[name]);
      const target = path.join(root, service, 'prisma', path.basename(source));
      const wanted = readFileSync(source, 'utf8');
      const present = existsSync(target) ? readFileSync(target, 'utf8') : null;
      if (present === wanted) continue;
      differences.push({ target: path.relative(root, target), reason: present === null ? 'missing' : 'differs' });
      if (!check) writeFileSync(target, wanted);
    }
  }
  return differences;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const differences = syncFragments(check);
  for (const d of differences) console.log(`${check ? 'stale' : 'updated'}: ${d.target} (${d.reason})`);
  if (check && differences.length > 0) {
    console.error('Prisma fragments are out of date: run `npm run prisma:fragments` and create a migration for the change.');
    process.exitCode = 1;
  } else if (differences.length === 0) console.log('Prisma fragments: every copy is current.');
}
