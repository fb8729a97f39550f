// The OpenAPI document passes Redocly's recommended rules and Spectral's `oas` rules with no
// error and no warning, and every operation's example is a real exchange under its schemas.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as z from 'zod/mini';
import { buildOpenApiDocument, endpointList } from '../../../src/api/index.ts';
import { endpointDocs } from '../../../src/api/endpoint-docs.ts';
import type { EndpointId } from '../../../src/api/endpoints.ts';

let folder: string;
let documentPath: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  documentPath = join(folder, 'openapi.json');
  writeFileSync(documentPath, JSON.stringify(buildOpenApiDocument({ version: '0.1.0' })));
});
after(() => rmSync(folder, { recursive: true, force: true }));

/** Runs a linter; both exit non-zero on findings, and their JSON report is what we read. */
function lint(bin: string, args: string[]): string {
  try {
    return execFileSync(`node_modules/.bin/${bin}`, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // Offline: no usage reports, no update checks.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' },
    });
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? '';
  }
}

test("Redocly's recommended rules: 0 errors, 0 warnings", () => {
  const report = JSON.parse(lint('redocly', ['lint', documentPath, '--extends=recommended', '--format=json'])) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string }[];
  };
  assert.deepEqual(
    report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`),
    [],
  );
  assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
});

test("Spectral's oas rules: no finding at any severity (examples are checked against their schemas)", () => {
  const findings = JSON.parse(lint('spectral', ['lint', documentPath, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'])) as {
    code: string;
    message: string;
    path: string[];
  }[];
  assert.deepEqual(
    findings.map((finding) => `${finding.code} at ${finding.path.join('.')}: ${finding.message}`),
    [],
  );
});

test('every operation has a summary, a description and an example of its success', () => {
  const document = buildOpenApiDocument() as {
    paths: Record<
      string,
      Record<string, { summary?: string; description?: string; responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>
    >;
  };
  let operations = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations += 1;
      assert.ok(operation.summary && operation.description, `${method} ${path}`);
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1];
      assert.ok(
        Object.values(success?.content ?? {}).every((media) => media.example !== undefined),
        `${method} ${path} example`,
      );
    }
  }
  assert.equal(operations, endpointList.length);
});

test('each example is what the server accepts and answers: it parses under the endpoint schemas', () => {
  for (const endpoint of endpointList) {
    const example = endpointDocs[endpoint.id as EndpointId].example as { params?: unknown; query?: unknown; body?: unknown; response: unknown };
    const check = (part: string, schema: z.core.$ZodType | undefined, value: unknown) => {
      if (!schema) return assert.equal(value, undefined, `${endpoint.id}: an example ${part} for an endpoint without one`);
      const result = z.safeParse(schema, value ?? {});
      assert.ok(result.success, `${endpoint.id} ${part}: ${result.error?.message ?? ''}`);
    };
    check('params', endpoint.params, example.params);
    check('query', endpoint.query, example.query);
    check('body', endpoint.body, example.body);
    check('response', endpoint.response, example.response);
  }
});

test('servers, license and contact are stated', () => {
  const document = buildOpenApiDocument({ version: '9.9.9' }) as {
    servers: unknown[];
    info: { license?: { name: string }; contact?: object; version: string };
  };
  assert.ok(document.servers.length > 0);
  assert.equal(document.info.license?.name, 'MIT');
  assert.ok(document.info.contact);
  assert.equal(document.info.version, '9.9.9');
});
