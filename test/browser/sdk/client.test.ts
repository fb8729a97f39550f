import { expect } from '@open-wc/testing';
import { createRewardsClient, isRewardsError, type RewardsClient } from '../../../src/sdk/index.ts';
import { countingFetch, newMember, serverUrl, shop } from '../support/server.ts';

async function memberClient(coins = 0, fetchFn?: ReturnType<typeof countingFetch>['fetch']) {
  const member = await newMember({ coins, displayName: 'Ada' });
  const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: fetchFn });
  return { ...member, client };
}

async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

describe('member client against the reference server', () => {
  it('reads the signed-in member account, levels, earning rules and earning progress', async () => {
    const { client, memberId } = await memberClient(25);
    const me = await client.getMe();
    expect(me.memberId).to.equal(memberId);
    expect(me.displayName).to.equal('Ada');
    expect(me.points).to.equal(25);
    expect(me.coins.available).to.equal(25);

    const { levels } = await client.getLevels();
    expect(levels.map((level) => level.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    const { rules } = await client.getEarningRules();
    expect(rules.some((rule) => rule.id === 'C6')).to.equal(true);
    const earning = await client.getEarning();
    expect(earning.day).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('C6 checks in once a day: the second check-in is already_checked_in, and the calendar shows the day', async () => {
    const { client } = await memberClient();
    const first = await client.checkIn();
    expect(first.coinsAwarded).to.equal(10);
    expect(first.coins.available).to.equal(10);

    const error = await expectRejection(client.checkIn());
    expect(isRewardsError(error, 'already_checked_in')).to.equal(true);
    expect((error as { status: number }).status).to.equal(409);

    const month = await client.getCheckIns(first.day.slice(0, 7));
    expect(month.days).to.include(first.day);
    expect(month.checkedInToday).to.equal(true);
  });

  it('pages the ledger newest first with nextCursor', async () => {
    const { client } = await memberClient(30);
    await client.checkIn();
    const first = await client.getLedger({ currency: 'coins', limit: 1 });
    expect(first.entries).to.have.length(1);
    expect(first.entries[0]?.ruleId).to.equal('C6');
    expect(first.nextCursor).to.be.a('string');
    const second = await client.getLedger({ currency: 'coins', limit: 1, cursor: first.nextCursor ?? undefined });
    expect(second.entries[0]?.ruleId).to.equal('C1');
  });

  it('S1 redeems a product into the cart and removing it returns the coins; S2 a coupon is issued', async () => {
    const id = `gift-${Date.now()}`;
    await shop('putCatalogItem', id, { kind: 'product', name: 'Sticker pack', description: 'Six stickers', imageUrl: null, coins: 20, stock: 3 });
    const couponId = `coupon-${Date.now()}`;
    await shop('putCatalogItem', couponId, { kind: 'coupon', name: '$5 off', description: '', imageUrl: null, coins: 10, stock: 5, couponValueCents: 500 });
    const { client } = await memberClient(50);

    const catalog = await client.getCatalog();
    expect(catalog.items.find((item) => item.id === id)?.stock).to.equal(3);

    const redeemed = await client.redeem(id);
    expect(redeemed.coins.available).to.equal(30);
    expect(redeemed.cartItem?.catalogItemId).to.equal(id);
    const cart = await client.getCart();
    expect(cart.items.map((item) => item.id)).to.include(redeemed.cartItem?.id);

    const removed = await client.removeFromCart(redeemed.cartItem!.id);
    expect(removed.coinsReturned).to.equal(20);
    expect(removed.coins.available).to.equal(50);

    const coupon = await client.redeem(couponId);
    expect(coupon.coupon?.valueCents).to.equal(500);
    const { coupons } = await client.getCoupons();
    expect(coupons.map((entry) => entry.code)).to.deep.equal([coupon.coupon?.code]);

    const refused = await expectRejection(client.redeem(`missing-${Date.now()}`));
    expect(isRewardsError(refused, 'not_found')).to.equal(true);
  });

  it('S3 donates to a project and the project lists the donation', async () => {
    const author = await newMember();
    const projectId = `p-${author.memberId}`;
    await shop('sendEvent', {
      id: `${projectId}-created`,
      type: 'project.created',
      memberId: author.memberId,
      occurredAt: new Date().toISOString(),
      data: { projectId, title: 'A tiny synth' },
    });
    const { client, memberId } = await memberClient(40);
    const answer = await client.donate(projectId, 15);
    expect(answer.coins.available).to.equal(25);
    expect(answer.donation.memberId).to.equal(memberId);
    const donations = await client.getProjectDonations(projectId);
    expect(donations.totalCoins).to.equal(15);
    expect(donations.donors).to.equal(1);

    const tooMuch = await expectRejection(client.donate(projectId, 1000));
    expect(isRewardsError(tooMuch, 'insufficient_coins')).to.equal(true);
  });

  it('sends no token for public data, and a signed-out member call fails with unauthorized without a request', async () => {
    const counter = countingFetch();
    const client: RewardsClient = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => null, fetch: counter.fetch });
    await client.getCatalog();
    expect(counter.requests[0]?.headers.has('Authorization')).to.equal(false);

    const error = await expectRejection(client.getMe());
    expect(isRewardsError(error, 'unauthorized')).to.equal(true);
    expect((error as { status?: number }).status).to.equal(undefined);
    expect(counter.count('GET', '/v1/me')).to.equal(0);
  });
});

describe('badge look-ups', () => {
  it('300 look-ups in one tick make 2 requests of at most 200 ids, and unknown ids resolve to null', async () => {
    const known = await newMember({ coins: 600, displayName: 'Grace' });
    const counter = countingFetch();
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: counter.fetch });
    const ids = [known.memberId, ...Array.from({ length: 299 }, (_, i) => `nobody-${i}`)];

    const badges = await Promise.all(ids.map((id) => client.getBadge(id)));

    expect(counter.count('GET', '/v1/badges')).to.equal(2);
    const sizes = counter.requests.map((request) => new URL(request.path, 'http://x').searchParams.get('members')!.split(',').length);
    expect(sizes.sort((a, b) => b - a)).to.deep.equal([200, 100]);
    expect(badges[0]).to.deep.include({ level: 2, name: 'Mars', displayName: 'Grace' });
    expect(badges.slice(1).every((badge) => badge === null)).to.equal(true);
  });

  it('merges duplicates and reuses answers for the cache time; with no cache time each tick asks again', async () => {
    const known = await newMember();
    const counter = countingFetch();
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: counter.fetch });
    const [a, b] = await Promise.all([client.getBadge(known.memberId), client.getBadge(known.memberId)]);
    expect(a).to.deep.equal(b);
    expect(counter.requests).to.have.length(1);
    expect(counter.requests[0]?.path).to.equal(`/v1/badges?members=${known.memberId}`);
    await client.getBadge(known.memberId);
    expect(counter.requests, 'answered from the cache').to.have.length(1);

    const uncached = countingFetch();
    const forgetful = createRewardsClient({ baseUrl: await serverUrl(), fetch: uncached.fetch, badgeCacheMs: 0 });
    await forgetful.getBadge(known.memberId);
    await forgetful.getBadge(known.memberId);
    expect(uncached.requests).to.have.length(2);
  });

  it('ids no member can have resolve to null without spoiling the batch they came with', async () => {
    const known = await newMember();
    const counter = countingFetch();
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: counter.fetch });
    const [good, comma, space, long] = await Promise.all([
      client.getBadge(known.memberId),
      client.getBadge('a,b'),
      client.getBadge('has space'),
      client.getBadge('x'.repeat(129)),
    ]);
    expect(good?.level).to.equal(0);
    expect([comma, space, long]).to.deep.equal([null, null, null]);
    expect(counter.requests.map((request) => request.path)).to.deep.equal([`/v1/badges?members=${known.memberId}`]);
  });
});
