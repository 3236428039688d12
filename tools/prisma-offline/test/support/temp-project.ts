import { randomUUID } from 'node:crypto';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';

const FIXTURE = path.join(__dirname, '..', 'fixture');
// Inside the repository (git-ignored `tmp/`), so that the copy's prisma.config.ts and generated client resolve packages.
const TMP = path.join(__dirname, '..', '..', 'tmp');

/** Copies the fixture service to a fresh folder and returns its path. */
export async function copyFixture(): Promise<string> {
  const root = path.join(TMP, `fixture-${randomUUID()}`);
  await cp(FIXTURE, root, { recursive: true });
  return root;
}

/** Removes a folder made by {@link copyFixture}. */
export async function removeProject(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}
