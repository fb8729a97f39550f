/**
 * Every text the badge draws comes from someone else: the display name from a member, the level
 * names from the shop's rules. With markup, script, entities, CDATA ends, comments, bidi
 * overrides and URLs in all of them at once, the badge keeps exactly the shape of a plain one
 * (the same elements and attributes) and each text reads back as the text that was sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultRulesConfig } from '../../../../src/rules/config.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { TestApp } from '../member/support.ts';

const payloads = [
  `<script>alert(1)</script>`,
  `"><svg onload=alert(1)>`,
  `<foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject>`,
  `<a xlink:href="javascript:alert(1)">x</a>`,
  `]]><![CDATA[<script>x</script>]]>`,
  `<!-- -->&lt;b&gt;&amp;&#60;&#x3c;`,
  `<!DOCTYPE x [<!ENTITY e "boom">]>&e;`,
  `<?xml-stylesheet href="x.xsl"?>`,
  `' onmouseover='alert(1)`,
  `\u202Eevil\u202C <style>*{}</style>`,
  `<use href="#badge-title"/>{{7*7}}`,
];

/** The markup skeleton: each tag with its attribute names, in order; text and attribute values left out. */
function skeleton(svg: string): string[] {
  return [...svg.matchAll(/<(\/?[A-Za-z]+)((?:\s+[A-Za-z:-]+="[^"]*")*)\s*(\/?)>/g)].map(
    ([, name, attributes, selfClosing]) => `${name}${[...(attributes ?? '').matchAll(/\s+([A-Za-z:-]+)=/g)].map((a) => ` ${a[1]}`).join('')}${selfClosing}`,
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

for (const target of databaseTargets()) {
  describe(`badge.svg with hostile texts everywhere (${target.name})`, () => {
    let db: TestDatabase;
    let t: TestApp;
    let plain: string[];
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.event('svg-plain', 'member.registered', { displayName: 'Plain Name' });
      plain = skeleton((await t.request('GET', '/v1/members/svg-plain/badge.svg')).text);
      // Level names are the shop's: hostile ones too, for every level.
      const levels = defaultRulesConfig.levels.map((level, index) => ({ ...level, name: payloads[index % payloads.length]! }));
      const put = await t.asShop('PUT', '/v1/rules', { body: { ...defaultRulesConfig, levels } });
      assert.equal(put.status, 200, put.text);
    });
    after(() => db.drop());

    test('every payload in the display name and the level name: the same markup as a plain badge, the text as sent', async () => {
      assert.ok(plain.length > 5, 'the plain badge has its elements');
      for (const [index, payload] of payloads.entries()) {
        const member = `svg-hostile-${index}`;
        await t.event(member, 'member.registered', { displayName: payload });
        const reply = await t.request('GET', `/v1/members/${member}/badge.svg`);
        assert.equal(reply.status, 200);
        assert.equal(reply.headers.get('Content-Type'), 'image/svg+xml');
        assert.equal(reply.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.match(reply.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
        const svg = reply.text;
        assert.deepEqual(skeleton(svg), plain, `payload ${JSON.stringify(payload)} changed the badge's markup`);
        // Outside tags nothing may look like markup: every < and & of a text is escaped.
        const texts = svg.split(/<[^>]*>/);
        for (const text of texts) assert.doesNotMatch(text, /[<>]|&(?!(?:lt|gt|amp|quot|apos);)/, `unescaped text: ${text}`);
        const title = unescapeXml(/<title id="badge-title">([^<]*)<\/title>/.exec(svg)?.[1] ?? '');
        assert.ok(title.startsWith(`${payload}: `), `the title reads back the display name as text: ${title}`);
        assert.ok(title.includes(payloads[0]!), 'and the level name (LV0 here) as text');
      }
    });
  });
}
