/**
 * Builds dist-server/: the server package (member-rewards-kit-server), ready for `npm pack`.
 *
 * - server.js: src/server/main.ts with everything it uses from src/ (API schemas, rules) as one
 *   ES module for Node 20; packages stay imports, so they install as the package's dependencies.
 * - bin/member-rewards-kit-server.js: the command a shop runs.
 * - package.json: scripts/server-package.json completed from package.json (version, license,
 *   repository, engines), with as dependencies exactly the packages server.js imports, at the
 *   versions package.json names for them: one place for every version, and nothing listed that
 *   the server does not load.
 * - README.md (the README's "Running the server in production") and LICENSE.
 *
 * `npm start` runs this same server.js, with the demo pages of the checkout.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { build } from 'esbuild';

const SERVER_PACKAGE_DIR = 'dist-server';
const BIN = 'bin/member-rewards-kit-server.js';
const README_SECTION = '## Running the server in production';
const ENVIRONMENT_SECTION = '## The reference server';

type PackageJson = Record<string, unknown> & {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

const root = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const own = JSON.parse(readFileSync('scripts/server-package.json', 'utf8')) as Record<string, unknown>;
delete own['//'];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** A `## ` section of the README, heading included, up to the next one. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${heading}" section for the server package's README`);
  const next = readme.indexOf('\n## ', start + heading.length + 2);
  return readme.slice(start + 1, next < 0 ? undefined : next).trim();
}

/**
 * The server package's README: the README's section on running the server, and the table of
 * environment variables from the section on the reference server, which it links to.
 */
function packageReadme(readme: string): string {
  const table = section(readme, ENVIRONMENT_SECTION)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .join('\n');
  if (!table.startsWith('| variable |')) throw new Error(`README.md's "${ENVIRONMENT_SECTION}" has no table of variables`);
  const production = section(readme, README_SECTION).replaceAll('](#the-reference-server)', '](#environment)');
  return `# ${String(own.name)}\n\n${String(own.description)}\n\n${production}\n\n## Environment\n\n${table}\n`;
}

// Read first: a build that fails must not leave outputs behind that look up to date.
const readme = packageReadme(readFileSync('README.md', 'utf8'));
rmSync(SERVER_PACKAGE_DIR, { recursive: true, force: true });
mkdirSync(`${SERVER_PACKAGE_DIR}/bin`, { recursive: true });

const { metafile } = await build({
  entryPoints: { server: 'src/server/main.ts' },
  outdir: SERVER_PACKAGE_DIR,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const versions = { ...root.devDependencies, ...root.dependencies };
const dependencies: Record<string, string> = {};
for (const output of Object.values(metafile.outputs)) {
  for (const { path, external } of output.imports) {
    if (!external || isBuiltin(path)) continue;
    const name = packageNameOf(path);
    const version = versions[name];
    if (version === undefined) throw new Error(`the server imports "${path}", but package.json names no version of ${name}`);
    dependencies[name] = version;
  }
}

const manifest = {
  name: own.name,
  version: root.version,
  description: own.description,
  keywords: own.keywords,
  license: root.license,
  repository: root.repository,
  type: 'module',
  engines: root.engines,
  bin: own.bin,
  files: ['server.js', 'bin'],
  dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
};

writeFileSync(
  `${SERVER_PACKAGE_DIR}/${BIN}`,
  [
    '#!/usr/bin/env node',
    '// The reference server, configured by its environment (see README.md); no demo pages.',
    "import { main } from '../server.js';",
    '',
    'await main({ demoDir: null });',
    '',
  ].join('\n'),
);
chmodSync(`${SERVER_PACKAGE_DIR}/${BIN}`, 0o755);

writeFileSync(`${SERVER_PACKAGE_DIR}/README.md`, readme);
copyFileSync('LICENSE', `${SERVER_PACKAGE_DIR}/LICENSE`);
writeFileSync(`${SERVER_PACKAGE_DIR}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);

console.log(`built ${SERVER_PACKAGE_DIR}/ (${Object.keys(dependencies).join(', ')})`);
