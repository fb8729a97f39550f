// Framework projects type-check against the packed package with no declarations of their own:
// the JSX, Vue and React-wrapper types it ships are generated from custom-elements.json.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packedProject, type ScratchProject } from './packed-package.ts';

let project: ScratchProject;
before(() => {
  project = packedProject();
  project.write('package.json', JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
});
after(() => project.remove());

const strictOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

function tsconfig(name: string, options: Record<string, unknown>, files: string[]): string {
  project.write(name, JSON.stringify({ compilerOptions: { ...strictOptions, ...options }, files }));
  return name;
}

const react19App = (badgeSize: string, onError: string) => `
import { useState } from 'react';
import type {} from 'member-rewards-kit/jsx';
import 'member-rewards-kit/elements/member-level-badge.js';
import 'member-rewards-kit/elements/check-in-calendar.js';

export function Header() {
  const [code, setCode] = useState('');
  return (
    <rewards-provider api="/rewards" theme="dark" locale="zh-CN">
      <member-level-badge member="ada" size="${badgeSize}" variant="full" onrewards-error={(event) => ${onError}} />
      <check-in-calendar month="2025-02" onrewards-checked-in={(event) => setCode(event.detail.day)} />
      <coin-history currency="points" />
      <p>{code}</p>
    </rewards-provider>
  );
}
`;

test('React 19 TSX: every tag, its literal attribute values and typed event props check', () => {
  project.write('react19/app.tsx', react19App('large', 'console.log(event.detail.code, event.detail.source)'));
  const result = project.run('tsc', ['-p', tsconfig('tsconfig.react19.json', { jsx: 'react-jsx', types: ['react'] }, ['react19/app.tsx'])]);
  assert.equal(result.output, '');
  assert.ok(result.ok);
});

test('React 19 TSX: size="banana" and an unknown detail field are type errors', () => {
  project.write('react19/bad.tsx', react19App('banana', 'console.log(event.detail.nope)'));
  const result = project.run('tsc', ['-p', tsconfig('tsconfig.react19-bad.json', { jsx: 'react-jsx', types: ['react'] }, ['react19/bad.tsx'])]);
  assert.equal(result.ok, false);
  assert.match(result.output, /bad\.tsx.*TS2322.*"banana"/);
  assert.match(result.output, /bad\.tsx.*TS2339.*'nope'/);
  assert.equal(result.output.match(/error TS/g)?.length, 2, result.output);
});

test('Preact: the same jsx.d.ts types every tag, and size="banana" is the one error', () => {
  project.write(
    'preact/app.tsx',
    `import type {} from 'member-rewards-kit/jsx';
export const Good = () => <member-level-badge size="large" onrewards-error={(event) => console.log(event.detail.code)} />;
export const Bad = () => <member-level-badge size="banana" />;
`,
  );
  const result = project.run('tsc', ['-p', tsconfig('tsconfig.preact.json', { jsx: 'react-jsx', jsxImportSource: 'preact' }, ['preact/app.tsx'])]);
  assert.equal(result.ok, false);
  assert.match(result.output, /app\.tsx\(3,.*TS2322.*"banana"/);
  assert.equal(result.output.match(/error TS/g)?.length, 1, result.output);
});

const reactWrapperApp = (currency: string) => `
import { CoinHistory, LevelProgress, RewardsProvider } from 'member-rewards-kit/react';

export function Account() {
  return (
    <RewardsProvider api="/rewards">
      <LevelProgress onRewardsLevelUp={(event) => console.log(event.detail.from, event.detail.to)} />
      <CoinHistory currency="${currency}" onRewardsError={(event) => console.log(event.detail.code)} />
    </RewardsProvider>
  );
}
`;

test('React 18 entry: @lit/react wrappers with typed event props check', () => {
  project.write('react18/app.tsx', reactWrapperApp('points'));
  const result = project.run('tsc', ['-p', tsconfig('tsconfig.react18.json', { jsx: 'react-jsx', types: ['react'] }, ['react18/app.tsx'])]);
  assert.equal(result.output, '');
  project.write('react18/bad.tsx', reactWrapperApp('gold'));
  const bad = project.run('tsc', ['-p', tsconfig('tsconfig.react18-bad.json', { jsx: 'react-jsx', types: ['react'] }, ['react18/bad.tsx'])]);
  assert.match(bad.output, /TS2322.*"gold"/);
});

const vueApp = (size: string) => `<script setup lang="ts">
import type {} from 'member-rewards-kit/vue';
import 'member-rewards-kit/elements/member-level-badge.js';
import type { RewardsErrorEvent } from 'member-rewards-kit';

function report(event: RewardsErrorEvent) {
  console.log(event.detail.code);
}
</script>

<template>
  <rewards-provider api="/rewards" theme="light">
    <member-level-badge member="ada" size="${size}" @rewards-error="report" />
    <redemption-cart @rewards-cart-changed="(event) => console.log(event.detail.itemId)" />
    <coin-history currency="coins" />
  </rewards-provider>
</template>
`;

/** vue-tsc reads `vueCompilerOptions` beside the compiler options: strict templates, as the strictest projects run. */
function vueTsconfig(name: string, files: string[]): string {
  project.write(name, JSON.stringify({ compilerOptions: strictOptions, vueCompilerOptions: { strictTemplates: true }, files }));
  return name;
}

test('Vue SFC under vue-tsc --strict with strict templates: every tag and its attribute values check', () => {
  project.write('vue/App.vue', vueApp('small'));
  const result = project.run('vue-tsc', ['--strict', '-p', vueTsconfig('tsconfig.vue.json', ['vue/App.vue'])]);
  assert.equal(result.output, '');
  assert.ok(result.ok);
  project.write('vue/Bad.vue', vueApp('banana'));
  const bad = project.run('vue-tsc', ['--strict', '-p', vueTsconfig('tsconfig.vue-bad.json', ['vue/Bad.vue'])]);
  assert.equal(bad.ok, false);
  assert.match(bad.output, /Bad\.vue.*TS2322.*"banana"/);
});

test("Vue's compiler learns the kit's tags from member-rewards-kit/vue, in Node", () => {
  const result = project.run('node', [
    '--input-type=module',
    '-e',
    "import { isRewardsElement, rewardsTags } from 'member-rewards-kit/vue'; console.log(JSON.stringify([isRewardsElement('coin-balance'), isRewardsElement('div'), rewardsTags.length]))",
  ]);
  assert.ok(result.ok, result.output);
  const [kit, other, count] = JSON.parse(result.output) as [boolean, boolean, number];
  assert.deepEqual([kit, other], [true, false]);
  assert.ok(count >= 7);
});

function shipped(file: string): unknown {
  const result = project.run('node', ['-e', `process.stdout.write(JSON.stringify(require(require.resolve('member-rewards-kit/${file}'))))`]);
  assert.ok(result.ok, result.output);
  return JSON.parse(result.output);
}

interface Named {
  name: string;
}

test('VS Code HTML custom data: every tag, no base class, BadgeSize spelled out as its values', () => {
  const { tags } = shipped('vscode.html-custom-data.json') as { tags: (Named & { attributes: (Named & { values?: Named[] })[] })[] };
  assert.ok(tags.length >= 7 && tags.every((tag) => /^[a-z]+(-[a-z]+)+$/.test(tag.name)), 'only tagged elements');
  const size = tags.find((tag) => tag.name === 'member-level-badge')?.attributes.find((attribute) => attribute.name === 'size');
  assert.deepEqual(
    size?.values?.map((value) => value.name),
    ['small', 'medium', 'large'],
  );
});

test('VS Code CSS custom data lists the --rk-* tokens', () => {
  const { properties } = shipped('vscode.css-custom-data.json') as { properties: Named[] };
  assert.ok(properties.some((property) => property.name === '--rk-accent'));
});

test('JetBrains web-types: named for the package and version, every tag, literal attribute types', () => {
  const webTypes = shipped('web-types.json') as {
    name: string;
    version: string;
    contributions: { html: { elements: (Named & { attributes: (Named & { value?: { type?: string } })[] })[] } };
  };
  assert.equal(webTypes.name, 'member-rewards-kit');
  const { elements } = webTypes.contributions.html;
  assert.ok(elements.length >= 7 && elements.every((element) => /^[a-z]+(-[a-z]+)+$/.test(element.name)), 'only tagged elements');
  const variant = elements.find((element) => element.name === 'member-level-badge')?.attributes.find((attribute) => attribute.name === 'variant');
  assert.equal(variant?.value?.type, "'compact' | 'full'");
});

test('package.json points JetBrains at the shipped web-types', () => {
  const result = project.run('node', ['-e', `process.stdout.write(require('member-rewards-kit/package.json')['web-types'])`]);
  assert.ok(existsSync(join(project.root, 'node_modules/member-rewards-kit', result.output)), result.output);
});
