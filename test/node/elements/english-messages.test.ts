/**
 * Each element bundles only the English it reads (the fallback of every language), so the
 * English it bundles must hold every message it reads: a missing one shows its key on screen.
 *
 * What an element reads is found in its sources (everything its entry reaches under
 * `src/elements/`, on demand too): every message key written as a string, and for a key built
 * at run time (`` `reason.${ruleId}` ``) every key with that prefix. What it bundles is the
 * English parts (`src/i18n/en*.ts`) its entry reaches.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { build, transformSync } from 'esbuild';
import { elementTags } from '../../../bench/client/bundle-size.ts';
import en, { type MessageKey } from '../../../src/i18n/en.ts';

const KEYS = Object.keys(en) as MessageKey[];
const ENGLISH_PART = /^src\/i18n\/en(-[a-z-]+)?\.ts$/;

/** The source files an entry reaches, statically or on demand (one bundle without splitting). */
async function reachedFiles(tag: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: `import './src/elements/${tag}/define.ts';`, resolveDir: process.cwd(), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

/** The message keys a source file reads; comments are left out (esbuild drops them). */
function keysIn(file: string): Set<MessageKey> {
  const code = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', target: 'esnext' }).code;
  const found = new Set<MessageKey>();
  for (const [, literal] of code.matchAll(/["'`]([a-zA-Z]+\.[\w.]+)["'`]/g)) if (KEYS.includes(literal as MessageKey)) found.add(literal as MessageKey);
  // A key built at run time: `earn.rule.${rule.id}` may be any key starting `earn.rule.`.
  for (const [, prefix] of code.matchAll(/`([a-zA-Z]+\.(?:[\w]+\.)*)\$\{/g)) for (const key of KEYS) if (key.startsWith(prefix!)) found.add(key);
  return found;
}

async function englishOf(files: string[]): Promise<Record<string, unknown>> {
  const parts = files.filter((file) => ENGLISH_PART.test(file));
  const modules = await Promise.all(parts.map((file) => import(`../../../${file}`) as Promise<{ default: Record<string, unknown> }>));
  return Object.assign({}, ...modules.map((module) => module.default));
}

const used = new Set<MessageKey>();

for (const tag of elementTags()) {
  test(`${tag}: its English holds every message it reads, and it does not bundle the whole catalog`, async () => {
    const files = await reachedFiles(tag);
    assert.ok(!files.includes('src/i18n/en.ts'), `${tag} bundles every element's English`);
    const reads = new Set(files.filter((file) => file.startsWith('src/elements/')).flatMap((file) => [...keysIn(file)]));
    for (const key of reads) used.add(key);
    const english = await englishOf(files);
    const missing = [...reads].filter((key) => !Object.hasOwn(english, key));
    assert.deepEqual(missing, [], `${tag} reads messages its English lacks`);
  });
}

test('every English message is read by some element', () => {
  assert.ok(used.size > 0);
  assert.deepEqual(
    KEYS.filter((key) => !used.has(key)),
    [],
  );
});

test("each element's own English parts hold only what that element reads, as the catalog has it", async () => {
  for (const part of elementTags().flatMap((tag) => [`en-${tag}.ts`, `en-${tag}-ready.ts`].map((file) => ({ tag, file: `src/i18n/${file}` })))) {
    const { tag } = part;
    if (!existsSync(part.file)) continue;
    const own = ((await import(`../../../${part.file}`)) as { default: Record<string, unknown> }).default;
    const reads = new Set((await reachedFiles(tag)).filter((file) => file.startsWith('src/elements/')).flatMap((file) => [...keysIn(file)]));
    assert.deepEqual(
      Object.keys(own).filter((key) => !reads.has(key as MessageKey)),
      [],
      `${part.file} holds messages ${tag} never reads`,
    );
    for (const [key, message] of Object.entries(own)) assert.deepEqual(en[key as MessageKey], message, `${key} differs in en.ts`);
  }
});
