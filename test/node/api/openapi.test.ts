import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOpenApiDocument, endpoints } from '../../../src/api/index.ts';
import { contractEndpoints } from './contract-endpoints.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as JsonObject;
const paths = document.paths as Record<string, Record<string, JsonObject>>;

function operation(method: string, path: string): JsonObject {
  const found = paths[path]?.[method.toLowerCase()];
  assert.ok(found, `${method} ${path} is documented`);
  return found;
}

function resolvePointer(root: Json, ref: string): Json | undefined {
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function collectRefs(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

test('the document is OpenAPI 3.1 and survives a JSON round trip unchanged', () => {
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())), document);
  assert.ok((document.info as JsonObject).title);
  assert.ok((document.info as JsonObject).version);
});

test('building twice gives the same document (no hidden state)', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())), JSON.parse(JSON.stringify(buildOpenApiDocument())));
});

test('every path and method of the contract is documented, and nothing else', () => {
  for (const [method, path] of contractEndpoints) operation(method, path);
  const documented = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  assert.deepEqual(documented.sort(), contractEndpoints.map(([method, path]) => `${method} ${path}`).sort());
});

test('every $ref resolves inside the document', () => {
  const refs = collectRefs(document);
  assert.ok(refs.length > 50);
  for (const ref of new Set(refs)) {
    assert.ok(ref.startsWith('#/'), `${ref} is local`);
    assert.notEqual(resolvePointer(document, ref), undefined, `${ref} resolves`);
  }
});

test('no component keeps a $schema or $id of its own', () => {
  for (const [name, schema] of Object.entries((document.components as JsonObject).schemas as JsonObject)) {
    assert.equal(typeof schema, 'object', name);
    assert.equal('$schema' in (schema as JsonObject), false, name);
    assert.equal('$id' in (schema as JsonObject), false, name);
  }
});

test('each operation has a unique operationId, a summary and a success and error responses', () => {
  const ids = new Set<string>();
  for (const [method, path] of contractEndpoints) {
    const op = operation(method, path);
    assert.equal(typeof op.operationId, 'string');
    assert.ok(!ids.has(op.operationId as string), `${op.operationId} is unique`);
    ids.add(op.operationId as string);
    assert.ok(op.summary);
    const responses = op.responses as JsonObject;
    assert.ok(
      Object.keys(responses).some((status) => status.startsWith('2')),
      `${method} ${path} has a success`,
    );
    assert.ok(responses['500'], `${method} ${path} documents 500`);
  }
});

test('error responses are problem+json restricted to the codes of their status', () => {
  const responses = operation('POST', '/v1/me/redemptions').responses as JsonObject;
  const conflict = responses['409'] as JsonObject;
  const schema = ((conflict.content as JsonObject)['application/problem+json'] as JsonObject).schema as JsonObject;
  assert.deepEqual(schema.allOf, [
    { $ref: '#/components/schemas/Problem' },
    { properties: { code: { enum: ['insufficient_coins', 'out_of_stock', 'idempotency_conflict'] } } },
  ]);
  assert.ok(responses['404']);
  assert.ok((responses['429'] as JsonObject).headers);
  assert.equal(responses['402'], undefined);
});

test('success responses point at the response schema of the table', () => {
  const getMe = operation('GET', '/v1/me').responses as JsonObject;
  const schema = (((getMe['200'] as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
  const component = resolvePointer(document, schema.$ref as string) as JsonObject;
  assert.deepEqual(
    Object.keys(component.properties as JsonObject).sort(),
    ['coins', 'displayName', 'isSeller', 'level', 'memberId', 'nextLevel', 'points'].sort(),
  );
  const svg = operation('GET', '/v1/members/{id}/badge.svg').responses as JsonObject;
  assert.ok(((svg['200'] as JsonObject).content as JsonObject)['image/svg+xml']);
  const put = operation('PUT', '/v1/catalog/{id}').responses as JsonObject;
  assert.ok(put['200'] && put['201']);
});

test('request bodies are required JSON, strict where the schema is strict', () => {
  for (const [id, endpoint] of Object.entries(endpoints)) {
    const op = operation(endpoint.method, endpoint.path);
    assert.equal(Boolean(op.requestBody), 'body' in endpoint, id);
  }
  const body = operation('POST', '/v1/projects/{id}/donations').requestBody as JsonObject;
  assert.equal(body.required, true);
  const ref = (((body.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject).$ref as string;
  const schema = resolvePointer(document, ref) as JsonObject;
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.required, ['coins']);
  assert.deepEqual((schema.properties as JsonObject).coins, { type: 'integer', minimum: 1, maximum: 2_147_483_647 });
});

test('the event body is a union over every event type', () => {
  const body = operation('POST', '/v1/events').requestBody as JsonObject;
  const ref = (((body.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject).$ref as string;
  const schema = resolvePointer(document, ref) as JsonObject;
  const types = (schema.oneOf as JsonObject[]).map((option) => ((option.properties as JsonObject).type as JsonObject).const);
  assert.equal(types.length, 19);
  assert.ok(types.includes('order.completed'));
});

test('the rules body is the full rules configuration', () => {
  const body = operation('PUT', '/v1/rules').requestBody as JsonObject;
  const ref = (((body.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject).$ref as string;
  const schema = resolvePointer(document, ref) as JsonObject;
  for (const key of ['version', 'timeZone', 'levels', 'earning', 'sellers']) assert.ok((schema.properties as JsonObject)[key], key);
});

test('path, query and Idempotency-Key parameters are documented', () => {
  const params = (method: string, path: string) => operation(method, path).parameters as JsonObject[];
  assert.deepEqual(
    params('DELETE', '/v1/me/cart/{itemId}').map((p) => [p.name, p.in, p.required]),
    [
      ['itemId', 'path', true],
      ['Idempotency-Key', 'header', false],
    ],
  );
  const ledger = params('GET', '/v1/me/ledger');
  assert.deepEqual(
    ledger.map((p) => [p.name, p.in, p.required]),
    [
      ['currency', 'query', false],
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ],
  );
  assert.deepEqual((ledger[0]!.schema as JsonObject).enum, ['coins', 'points']);
  const badges = params('GET', '/v1/badges');
  assert.deepEqual(
    badges.map((p) => [p.name, p.in, p.required]),
    [['members', 'query', true]],
  );
  assert.equal(params('GET', '/v1/me').length, 0);
});

test('security: bearer JWT for members and sellers, X-Api-Key for the shop, none for public reads', () => {
  const schemes = (document.components as JsonObject).securitySchemes as JsonObject;
  assert.deepEqual(schemes.memberToken, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: (schemes.memberToken as JsonObject).description,
  });
  assert.equal((schemes.shopApiKey as JsonObject).in, 'header');
  assert.equal((schemes.shopApiKey as JsonObject).name, 'X-Api-Key');
  assert.deepEqual(operation('GET', '/v1/levels').security, []);
  assert.deepEqual(operation('GET', '/v1/me').security, [{ memberToken: [] }]);
  assert.deepEqual(operation('GET', '/v1/seller/me').security, [{ memberToken: [] }]);
  assert.deepEqual(operation('POST', '/v1/events').security, [{ shopApiKey: [] }]);
});

test('a server URL, when given, is the only server; otherwise the origin the document came from', () => {
  assert.deepEqual(buildOpenApiDocument({ serverUrl: 'https://rewards.example.com' }).servers, [{ url: 'https://rewards.example.com' }]);
  assert.deepEqual(
    (document.servers as JsonObject[]).map((server) => server.url),
    ['/'],
  );
});
