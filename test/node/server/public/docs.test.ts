import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endpointList } from '../../../../src/api/index.ts';
import { renderDocsPage, schemaHtml } from '../../../../src/server/routes/docs.ts';
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
      assert.ok(!/<script|<link|<img|<iframe|@import|url\(/i.test(html));
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
  });
}

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
  assert.equal(schemaHtml({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), '<span class="type">integer</span> <span class="limits">≥ 0</span>');
  assert.ok(schemaHtml({ anyOf: [{ type: 'string' }, { type: 'null' }] }).includes('<span class="type">or</span>'));
  assert.ok(schemaHtml({ type: 'array', items: { $ref: '#/components/schemas/Coupon' } }).includes('href="#schema-Coupon"'));
  assert.ok(schemaHtml({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { $ref: '#/components/schemas/Badge' } }).startsWith('<span class="type">map from</span>'));
});
