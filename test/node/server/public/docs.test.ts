import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { endpointList } from '../../../../src/api/index.ts';
import { markdownHtml, renderDocsPage, schemaHtml } from '../../../../src/server/routes/docs.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { TestApp } from '../member/support.ts';

for (const target of databaseTargets()) {
  describe(`API documents on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
    });
    after(async () => {
      await db.drop();
    });

    test('GET /v1/openapi.json is the OpenAPI 3.1 document of every endpoint', async () => {
      const reply = await t.request<{ openapi: string; paths: Record<string, Record<string, { operationId: string }>> }>('GET', '/v1/openapi.json');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('Content-Type'), 'application/json');
      assert.equal(reply.body.openapi, '3.1.0');
      for (const endpoint of endpointList) {
        assert.equal(reply.body.paths[endpoint.path]?.[endpoint.method.toLowerCase()]?.operationId, endpoint.id);
      }
    });

    test('GET /docs is a self-contained HTML reference: every operation grouped by audience, no script, nothing from another host', async () => {
      const reply = await t.request('GET', '/docs');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('Content-Type'), 'text/html; charset=utf-8');
      assert.match(reply.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
      const html = reply.text;
      assert.match(html, /^<!doctype html><html lang="en">/);
      assert.ok(!/<script|<link(?! rel="icon" href="\/favicon\.ico">)|<img|<iframe|@import|url\(/i.test(html));
      const icon = await t.request('GET', '/favicon.ico');
      assert.equal(icon.status, 200);
      assert.equal(icon.headers.get('Content-Type'), 'image/svg+xml');
      assert.ok(!/(src|href)="(https?:)?\/\//i.test(html), 'no reference to another host');
      for (const tag of ['public', 'member', 'shop', 'seller']) assert.ok(html.includes(`<section id="tag-${tag}">`), tag);
      for (const endpoint of endpointList) {
        assert.ok(html.includes(`id="op-${endpoint.id}"`), endpoint.id);
        assert.ok(html.includes(`<code>${endpoint.path}</code>`), endpoint.path);
      }
      // An operation shows its parameters, its body and its answers, with links to the schemas.
      const redeem = html.slice(html.indexOf('id="op-redeem"'), html.indexOf('</article>', html.indexOf('id="op-redeem"')));
      assert.ok(redeem.includes('<code>Idempotency-Key</code>'));
      assert.ok(redeem.includes('<h4>Request body</h4>'));
      assert.ok(redeem.includes('href="#schema-RedeemBody"'));
      assert.ok(redeem.includes('<dt class="ok">201</dt>'));
      assert.ok(redeem.includes('insufficient_coins'));
      assert.ok(html.includes('id="schema-RedeemBody"'));
    });

    test("GET /docs names the package's version, renders Markdown and shows each operation's example", async () => {
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      const html = (await t.request('GET', '/docs')).text;
      assert.ok(html.includes(`<h1>member-rewards-kit ${version}</h1>`));
      assert.equal((await t.request<{ info: { version: string } }>('GET', '/v1/openapi.json')).body.info.version, version);
      const prose = html.replace(/<pre>[\s\S]*?<\/pre>/g, '');
      assert.ok(!prose.includes('`'), 'no raw backticks outside examples');
      const checkIn = html.slice(html.indexOf('id="op-checkIn"'), html.indexOf('</article>', html.indexOf('id="op-checkIn"')));
      assert.ok(checkIn.includes('<code>409 already_checked_in</code>'));
      assert.match(
        checkIn,
        /<details class="example"><summary>Example<\/summary><p><code>POST \/v1\/me\/check-ins<\/code><\/p><h4>201 answer<\/h4><pre><code>\{\n {2}&quot;day&quot;: &quot;2025-03-14&quot;/,
      );
      const ledger = html.slice(html.indexOf('id="op-getLedger"'), html.indexOf('</article>', html.indexOf('id="op-getLedger"')));
      assert.ok(ledger.includes('<code>GET /v1/me/ledger?currency=coins&amp;limit=2</code>'));
      const donate = html.slice(html.indexOf('id="op-donate"'), html.indexOf('</article>', html.indexOf('id="op-donate"')));
      assert.ok(donate.includes('<code>POST /v1/projects/synth-kit/donations</code>'));
      assert.ok(donate.includes('<h4>Request body</h4><pre><code>{\n  &quot;coins&quot;: 25\n}</code></pre>'));
    });
  });
}

test('descriptions are Markdown rendered after escaping: code, strong and paragraphs, never markup of their own', () => {
  assert.equal(
    markdownHtml('Use `a<b>` and **bold**.\n\nNext <i>x</i>'),
    '<p>Use <code>a&lt;b&gt;</code> and <strong>bold</strong>.</p><p>Next &lt;i&gt;x&lt;/i&gt;</p>',
  );
});

test('the reference escapes every text of the document it renders', () => {
  const html = renderDocsPage({
    openapi: '3.1.0',
    info: { title: '<b>API</b>', version: '1 & 2', description: '"quoted" <img src=x onerror=alert(1)>' },
    tags: [{ name: '<tag>', description: '</section><script>' }],
    paths: {
      '/v1/<x>': {
        get: {
          operationId: 'evil"id',
          summary: '<script>alert(1)</script>',
          tags: ['<tag>'],
          security: [],
          parameters: [{ name: '<param>', in: 'query', required: true, schema: { type: 'string', pattern: '^<a>$' } }],
          responses: { '200': { description: '<ok>', content: { 'application/json': { schema: { enum: ['<v>'] } } } } },
        },
      },
    },
    components: { schemas: { 'Bad<Name>': { type: 'object', properties: { '<f>': { const: '</td>' } } } } },
  });
  assert.ok(!/<script|<img|<b>|<param>|<tag>|<x>|<v>|<f>|<ok>|<a>/.test(html));
  assert.ok(!html.includes('"</td>"') && !html.includes('</section><script>'));
  assert.ok(html.includes('<code>&quot;&lt;/td&gt;&quot;</code>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('id="op-evil_id"'));
  assert.ok(html.includes('id="schema-Bad_Name_"'));
});

test('schemas read as words: scalars with their limits, unions, maps and arrays', () => {
  assert.equal(
    schemaHtml({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    '<span class="type">integer</span> <span class="limits">≥ 0</span>',
  );
  assert.ok(schemaHtml({ anyOf: [{ type: 'string' }, { type: 'null' }] }).includes('<span class="type">or</span>'));
  assert.ok(schemaHtml({ type: 'array', items: { $ref: '#/components/schemas/Coupon' } }).includes('href="#schema-Coupon"'));
  assert.ok(
    schemaHtml({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { $ref: '#/components/schemas/Badge' } }).startsWith(
      '<span class="type">map from</span>',
    ),
  );
});
