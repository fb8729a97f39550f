/**
 * What the SDK and the store may import: they ship to browsers, so zod only as `zod/mini`
 * (full zod weighs ~95 KB gzipped), and the SDK runs in Node too, so no DOM.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(root, folder, file));
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
function specifiers(source: string): string[] {
  const text = withoutComments(source);
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

/** Every project file reachable from `files` through relative imports. */
function reachable(files: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...files];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
    }
  }
  return [...seen];
}

const isFullZod = (specifier: string) =>
  (specifier === 'zod' || specifier.startsWith('zod/')) && !['zod/mini', 'zod/v4/mini', 'zod/v4/core'].includes(specifier);

test('src/sdk and src/store, and everything they import, use zod/mini and never full zod', () => {
  const files = reachable([...sourceFiles('src/sdk'), ...sourceFiles('src/store')]);
  assert.ok(
    files.some((file) => file.endsWith('src/api/member.ts')),
    'the scan follows imports into src/api',
  );
  const offenders = files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter(isFullZod)
      .map((spec) => `${file}: ${spec}`),
  );
  assert.deepEqual(offenders, []);
});

test('src/sdk and src/store import nothing from Node, the server or the elements', () => {
  const files = reachable([...sourceFiles('src/sdk'), ...sourceFiles('src/store')]);
  const offenders = files.filter(
    (file) => /src\/(server|elements)\//.test(file) || specifiers(readFileSync(file, 'utf8')).some((spec) => spec.startsWith('node:')),
  );
  assert.deepEqual(offenders, []);
});

test('src/sdk uses no DOM, so it runs in Node', () => {
  const offenders = sourceFiles('src/sdk').filter((file) =>
    /\b(document|window|navigator|localStorage|sessionStorage)\s*(\.\w|\[)/.test(withoutComments(readFileSync(file, 'utf8'))),
  );
  assert.deepEqual(offenders, []);
});
