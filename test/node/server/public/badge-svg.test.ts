import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LEVEL_COLORS, renderBadgeSvg } from '../../../../src/server/routes/badge-svg.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, TestApp } from '../member/support.ts';

const hostile = `<script>alert("x")</script> & 'friends' ]]> <!--`;

/** Every `<` opens one of the few elements the badge is drawn with. */
function assertOnlyBadgeMarkup(svg: string): void {
  const tags = [...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((match) => match[1]);
  assert.deepEqual([...new Set(tags)].sort(), ['clipPath', 'g', 'rect', 'svg', 'text', 'title']);
}

for (const target of databaseTargets()) {
  describe(`badge.svg on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.event('svg-earth', 'member.registered', { displayName: 'Eartha' });
      await t.event('svg-earth', 'order.completed', { orderId: 's-o1', lines: [{ sku: 'X', unitPriceCents: 500_000, quantity: 1 }], shippingCents: 0 });
      await t.event('svg-hostile', 'member.registered', { displayName: hostile });
    });
    after(async () => {
      await db.drop();
    });

    test("P3 the badge is an accessible SVG image in the level's colour, cacheable for 5 minutes", async () => {
      const reply = await t.request('GET', '/v1/members/svg-earth/badge.svg');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('Content-Type'), 'image/svg+xml');
      assert.equal(reply.headers.get('Cache-Control'), 'public, max-age=300');
      assert.match(reply.headers.get('ETag') ?? '', /^"[A-Za-z0-9_-]+"$/);
      const svg = reply.text;
      assert.match(
        svg,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="20" viewBox="0 0 \d+ 20" role="img" aria-labelledby="badge-title">/,
      );
      assert.match(svg, /<title id="badge-title">Eartha: Earth \(LV4\)<\/title>/);
      assert.ok(svg.includes(`fill="${LEVEL_COLORS[4]}"`));
      assert.ok(svg.includes('>LV4 Earth</text>'));
      assertOnlyBadgeMarkup(svg);
    });

    test('If-None-Match with the ETag is 304 without a body; a changed level changes the ETag', async () => {
      const first = await t.request('GET', '/v1/members/svg-earth/badge.svg');
      const tag = first.headers.get('ETag') ?? '';
      const cached = await t.request('GET', '/v1/members/svg-earth/badge.svg', { headers: { 'If-None-Match': `"other", W/${tag}` } });
      assert.equal(cached.status, 304);
      assert.equal(cached.text, '');
      assert.equal(cached.headers.get('ETag'), tag);
      await t.event('svg-earth', 'order.completed', { orderId: 's-o2', lines: [{ sku: 'X', unitPriceCents: 600_000, quantity: 1 }], shippingCents: 0 });
      const changed = await t.request('GET', '/v1/members/svg-earth/badge.svg', { headers: { 'If-None-Match': tag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('ETag'), tag);
      assert.ok(changed.text.includes('Saturn'));
    });

    test('a hostile display name is escaped: it shows as text and adds no markup', async () => {
      const reply = await t.request('GET', '/v1/members/svg-hostile/badge.svg');
      assert.equal(reply.status, 200);
      const svg = reply.text;
      assert.ok(!svg.includes('<script'));
      assert.ok(!svg.includes('<!--'));
      assert.ok(!svg.includes(']]>'));
      assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;friends&apos; ]]&gt; &lt;!--: Member (LV0)'));
      assertOnlyBadgeMarkup(svg);
      assert.equal(reply.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.match(reply.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
    });

    test('an unknown member gets the neutral "Member" badge, so a page never shows a broken image', async () => {
      const reply = await t.request('GET', '/v1/members/nobody-here/badge.svg');
      assert.equal(reply.status, 200);
      assert.match(reply.text, /<title id="badge-title">Member \(LV0\)<\/title>/);
      assert.ok(reply.text.includes(`fill="${LEVEL_COLORS[0]}"`));
      assertProblem(await t.request('GET', '/v1/members/bad%2Cid/badge.svg'), 400, 'invalid_request');
    });
  });
}

test('the badge drops characters XML cannot carry and keeps long names whole in its title', () => {
  const name = `Zoë\u0000\u0007 ${'x'.repeat(40)} 名前\uD800`;
  const svg = renderBadgeSvg({ level: 6, levelName: 'Jupiter', displayName: name });
  const forbidden = [...svg].filter((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0xd800 && code <= 0xdfff);
  });
  assert.deepEqual(forbidden, []);
  assert.ok(svg.includes(`<title id="badge-title">Zoë ${'x'.repeat(40)} 名前: Jupiter (LV6)</title>`));
  assert.ok(svg.includes('…</text>'), 'the picture shortens it');
  assert.ok(svg.includes(`fill="${LEVEL_COLORS[6]}"`));
});
