/**
 * The public badge's light path (src/sdk/public-badges.ts): batched, checked by hand, kept for a
 * while, refreshed on demand, and told of level changes. A fake `fetch` stands for the server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPublicBadges, readBadgesAnswer, type PublicBadgeState } from '../../../src/sdk/public-badges.ts';

type Answer = { status?: number; body: unknown };

function fakeServer(answer: (ids: string[]) => Answer) {
  const requests: string[][] = [];
  const fetch = async (input: string) => {
    const ids = new URL(input).searchParams.get('members')!.split(',');
    requests.push(ids);
    const { status = 200, body } = answer(ids);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { requests, fetch };
}

const levels = (ids: string[]) => ({
  body: { badges: Object.fromEntries(ids.filter((id) => !id.startsWith('nobody')).map((id) => [id, { level: id.length % 7, name: 'Mars' }])) },
});

function settled(states: PublicBadgeState[]): Promise<PublicBadgeState> {
  return new Promise((resolve) => {
    const check = () => (states.at(-1) && states.at(-1)!.status !== 'loading' ? resolve(states.at(-1)!) : setTimeout(check, 1));
    check();
  });
}

test('badges watched in one task leave in that task, before any timer, in requests of up to 200 ids', async () => {
  const server = fakeServer(levels);
  const source = createPublicBadges('https://rewards.example', { fetch: server.fetch });
  const sentSoFar: number[] = [];
  const stops = Array.from({ length: 450 }, (_, i) => {
    const stop = source.watch(`member-${i}`, () => {});
    sentSoFar.push(server.requests.length);
    return stop;
  });
  // A full request leaves the moment its 200th id is asked for, while the page goes on.
  assert.deepEqual([sentSoFar[198], sentSoFar[199], sentSoFar[398], sentSoFar[399], sentSoFar[449]], [0, 1, 1, 2, 2]);
  let timerFired = false;
  setTimeout(() => (timerFired = true), 0);
  await Promise.resolve();
  assert.equal(timerFired, false);
  assert.deepEqual(
    server.requests.map((ids) => ids.length),
    [200, 200, 50],
  );
  stops.forEach((stop) => stop());
});

test('a known member is ready with its level, an unknown one with null', async () => {
  const source = createPublicBadges('https://rewards.example', { fetch: fakeServer(levels).fetch });
  const known: PublicBadgeState[] = [];
  const unknown: PublicBadgeState[] = [];
  source.watch('ada', (state) => known.push(state));
  source.watch('nobody-1', (state) => unknown.push(state));
  assert.deepEqual(await settled(known), { status: 'ready', badge: { level: 3, name: 'Mars' } });
  assert.deepEqual(await settled(unknown), { status: 'ready', badge: null });
});

test('an answer that is not the contract is an invalid_response error, not a badge', async () => {
  const source = createPublicBadges('https://rewards.example', {
    fetch: fakeServer(() => ({ body: { badges: { ada: { level: 'high', name: 'Mars' } } } })).fetch,
  });
  const states: PublicBadgeState[] = [];
  source.watch('ada', (state) => states.push(state));
  const state = await settled(states);
  assert.equal(state.status, 'error');
  assert.equal(state.status === 'error' && state.error.code, 'invalid_response');
  assert.equal(readBadgesAnswer({ badges: { ada: { level: 7, name: 'Mars' } } }), undefined, 'levels stop at 6');
  assert.equal(readBadgesAnswer({ badges: { ada: { level: 2, name: '' } } }), undefined, 'a name is never empty');
});

test('answers are kept; a refresh (the error face\'s "Try again") asks the server past them', async () => {
  const server = fakeServer(levels);
  const source = createPublicBadges('https://rewards.example', { fetch: server.fetch });
  const first: PublicBadgeState[] = [];
  source.watch('ada', (state) => first.push(state));
  await settled(first);
  source.watch('ada', () => {});
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(server.requests.length, 1, 'a second badge of the same member asks nothing');
  source.refresh('ada');
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(server.requests.length, 2);
});

test('a level change reaches every badge of the member at once, without a request', async () => {
  const server = fakeServer(levels);
  const source = createPublicBadges('https://rewards.example', { fetch: server.fetch });
  const seen: PublicBadgeState[][] = [[], [], []];
  seen.forEach((states) => source.watch('ada', (state) => states.push(state)));
  await settled(seen[0]!);
  source.update('ada', { level: 4, name: 'Earth' });
  for (const states of seen) assert.deepEqual(states.at(-1), { status: 'ready', badge: { level: 4, name: 'Earth' } });
  assert.equal(server.requests.length, 1);
});

test('an id the contract cannot carry names no member and is never sent', async () => {
  const server = fakeServer(levels);
  const source = createPublicBadges('https://rewards.example', { fetch: server.fetch });
  const states: PublicBadgeState[] = [];
  source.watch('a,b', (state) => states.push(state));
  assert.deepEqual(source.peek('a,b'), { status: 'ready', badge: null });
  await Promise.resolve();
  assert.equal(server.requests.length, 0);
});
