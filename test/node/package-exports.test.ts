// What a user of the published package imports: the exports map, resolved by plain Node.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';

before(() => {
  // A clean clone has no dist/ yet; build it the way `npm run build` does.
  if (!existsSync('dist/sdk.js') || !existsSync('dist/types/sdk/index.d.ts')) execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
});

function importInNode(specifier: string): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('${specifier}'))))`], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

test('member-rewards-kit/sdk loads in plain Node with its clients', () => {
  const names = importInNode('member-rewards-kit/sdk');
  for (const name of ['createRewardsClient', 'createShopClient', 'RewardsError']) assert.ok(names.includes(name), name);
});

test('member-rewards-kit/store loads in plain Node (no DOM) with the page-wide configure()', () => {
  const names = importInNode('member-rewards-kit/store');
  for (const name of ['configure', 'rewardsSession']) assert.ok(names.includes(name), name);
});

test('member-rewards-kit/rules loads in plain Node with the default rules', () => {
  assert.ok(importInNode('member-rewards-kit/rules').includes('defaultRulesConfig'));
});

test('every published entry has its file and its type declarations', () => {
  for (const file of [
    'dist/member-rewards-kit.js',
    'dist/elements/coin-balance.js',
    'dist/elements/member-level-badge.js',
    'dist/types/elements/index.d.ts',
    'dist/types/store/index.d.ts',
  ]) {
    assert.ok(existsSync(file), file);
  }
});
