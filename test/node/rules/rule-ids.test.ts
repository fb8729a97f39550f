/**
 * Every rule of the rulebook is covered by at least one test whose name carries its id.
 * The list below is the rulebook's table of contents; the test names are read from the test
 * sources of Node and browser suites.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RULEBOOK: Record<string, string> = {
  P1: 'completed orders earn a point per whole dollar of products paid',
  P2: 'points are a lifetime total that spending never lowers',
  P3: 'lifetime points decide the level, LV0 to LV6',
  P4: 'the level discount applies to own products that are not special offers',
  P5: 'each level reached for the first time adds one gift to the cart',
  P6: 'a member can see points, level, discount and the way to the next level',
  P7: 'refunds take back the points and order coins the refunded amount earned',
  C1: 'a completed order earns a coin per whole dollar',
  C2: 'newsletter subscription, once',
  C3: 'a complete profile, once',
  C4: 'an approved shared project, by tier, event bonus for tutorials',
  C5: 'shared feedback, by length and media',
  C6: 'daily check-in',
  C7: 'monthly check-in bonuses at 7, 14, 21 and 30 check-ins',
  C8: 'liking projects, capped per day, once per project',
  C9: 'commenting on projects, capped per day',
  C10: "inviting a friend, paid at the friend's first completed order",
  C11: 'a staff reward for a project, within a range',
  C12: 'a BOM on the template, pending until the order completes',
  C13: 'a test file with a PCBA inquiry, pending until the order completes',
  C14: 'paying a PCBA quotation quickly',
  C15: 'checking PCBA progress, weekly',
  C16: 'rating PCBA photos and videos',
  C17: 'confirming a PCBA project',
  C18: 'filling out a questionnaire',
  C19: 'pending coins become available on completion, void on cancellation',
  C20: 'an event id credits once, however often it arrives',
  C21: 'only the shop awards coins; members only check in',
  S1: 'redeeming a product, removable from the cart until its order completes',
  S2: 'buying a coupon with coins, never refunded',
  S3: 'donating coins to a project of someone else',
  S4: 'no balance ever goes below zero',
  M1: 'the platform fee on each partner sale',
  M2: 'monthly payouts in the first working days of the next month',
  M3: "a new seller's first order is paid out at once",
  M4: 'withdrawals up to the store credit',
  M5: 'who bears a refund: design or manufacturing',
  M6: "the seller's statement",
};

const testRoot = fileURLToPath(new URL('../../', import.meta.url));

function testFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(testRoot, folder), { recursive: true, encoding: 'utf8' });
  } catch {
    return []; // a suite that does not exist yet has no names
  }
  return entries.filter((entry) => /\.test\.[cm]?[jt]sx?$/.test(entry)).map((entry) => join(testRoot, folder, entry));
}

const TEST_NAME = /\b(?:test|it|describe|suite)(?:\.(?:only|skip|todo))?\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;

function testNames(source: string): string[] {
  return [...source.matchAll(TEST_NAME)].map((match) => match[2] ?? '');
}

function idsIn(name: string): string[] {
  return Object.keys(RULEBOOK).filter((id) => new RegExp(`\\b${id}\\b`).test(name));
}

const names = [...testFiles('node'), ...testFiles('browser')].flatMap((file) => testNames(readFileSync(file, 'utf8')));

test('rule ids: test names are found in the test sources', () => {
  assert.deepEqual(testNames(`test('C7 bonuses', () => {}); it("S4 \\"exact\\" balance", x); describe(\`M2 window\`, f)`), [
    'C7 bonuses',
    'S4 \\"exact\\" balance',
    'M2 window',
  ]);
  assert.deepEqual(idsIn('C10 invite, not C100 nor C1x'), ['C10']);
  assert.ok(names.includes('rule ids: every rule of the rulebook appears in a test name'));
});

test('rule ids: every rule of the rulebook appears in a test name', () => {
  const covered = new Set(names.flatMap(idsIn));
  const missing = Object.keys(RULEBOOK).filter((id) => !covered.has(id));
  assert.deepEqual(missing, [], `rules without a test: ${missing.map((id) => `${id} (${RULEBOOK[id]})`).join(', ')}`);
  assert.equal(Object.keys(RULEBOOK).length, 38);
});
