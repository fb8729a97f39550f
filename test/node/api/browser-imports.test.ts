import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const entry = resolve(root, 'src/api/index.ts');

/** zod entry points that stay small in a browser bundle. */
const allowedZod = new Set(['zod/mini', 'zod/v4/mini', 'zod/v4/core']);

/** The module specifiers of every import, re-export and dynamic import in a source text. */
function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((match) => match[1]!));
}

/** Every project file reachable from `start` through relative imports, with the bare specifiers each one uses. */
function reachableModules(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = [start];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const specifiers = importSpecifiers(readFileSync(file, 'utf8'));
    seen.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    );
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
    }
  }
  return seen;
}

function isFullZod(specifier: string): boolean {
  return (specifier === 'zod' || specifier.startsWith('zod/')) && !allowedZod.has(specifier);
}

test('the import scanner sees every form of import', () => {
  const source = [
    "import * as z from 'zod';",
    'import { a,\n  b } from "zod/v4";',
    "import type { Z } from 'zod/v4/classic';",
    "export * from 'zod/mini';",
    "export { x } from './x.ts';",
    "import 'side-effect';",
    "const lazy = await import('zod/v3');",
    "// import { c } from 'commented-out';",
  ].join('\n');
  assert.deepEqual(importSpecifiers(source).sort(), ['./x.ts', 'side-effect', 'zod', 'zod/mini', 'zod/v3', 'zod/v4', 'zod/v4/classic'].sort());
  assert.deepEqual(importSpecifiers(source).filter(isFullZod).sort(), ['zod', 'zod/v3', 'zod/v4', 'zod/v4/classic']);
});

test('src/api and everything it imports use zod/mini, never full zod (the browser bundle depends on it)', () => {
  const modules = reachableModules(entry);
  const files = [...modules.keys()].map((file) => relative(root, file));
  assert.ok(files.includes('src/api/openapi.ts'), 'the walk reaches the api modules');
  assert.ok(files.includes('src/rules/config.ts'), 'the walk follows imports outside src/api');
  const offenders = [...modules].flatMap(([file, specifiers]) =>
    specifiers.filter(isFullZod).map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
  assert.deepEqual(offenders, []);
  const zodUsers = [...modules.values()].filter((specifiers) => specifiers.some((specifier) => allowedZod.has(specifier)));
  assert.ok(zodUsers.length >= 5, 'the api modules do import zod/mini');
});
