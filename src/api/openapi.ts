/**
 * The OpenAPI 3.1 document of the API, generated from the endpoint table and its schemas.
 */
import * as z from 'zod/mini';
import * as common from './common.ts';
import { endpointDocs } from './endpoint-docs.ts';
import { endpointList, pathParamNames, type Endpoint, type EndpointAuth, type EndpointId } from './endpoints.ts';
import * as errors from './errors.ts';
import { problemContentType, problemDetails, statusOf, titleOf, type ErrorCode } from './errors.ts';
import * as events from './events.ts';
import { eventDataSchemas } from './events.ts';
import * as member from './member.ts';
import * as publicApi from './public.ts';
import * as seller from './seller.ts';
import * as shop from './shop.ts';

/** The version of the HTTP contract (not of the package that implements it). */
export const apiVersion = '1.0.0';

export interface OpenApiOptions {
  /** The origin the API is served from, e.g. `https://rewards.example.com`; paths start with `/v1`. Default: `/`, the origin the document came from. */
  serverUrl?: string;
  /** The version of the implementation that serves it (the server passes the package's); default {@link apiVersion}. */
  version?: string;
  /** Who answers questions about this deployment. */
  contact?: { name?: string; url?: string; email?: string };
}

/** An example as OpenAPI wants it: what the SDK sends as JSON (no `undefined`). */
const exampleOf = (endpoint: Endpoint) =>
  endpointDocs[endpoint.id as EndpointId].example as {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    response: unknown;
  };

type JsonObject = Record<string, unknown>;
type Schema = z.core.$ZodType;

const componentPrefix = '#/components/schemas/';

/** Modules in the order their names win when one schema is exported under several names. */
const schemaModules: readonly Readonly<Record<string, unknown>>[] = [common, errors, publicApi, member, events, shop, seller];

/** The kinds of schema worth a named component; scalars stay inline where they are used. */
const componentKinds: ReadonlySet<string> = new Set(['object', 'union', 'enum', 'record']);

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Names every schema that gets a component: exported composites, event payloads, and each endpoint's body and response. */
function nameComponents(): Map<Schema, string> {
  const inlineOnly = new Set<Schema>();
  for (const endpoint of endpointList) {
    if (endpoint.params) inlineOnly.add(endpoint.params);
    if (endpoint.query) inlineOnly.add(endpoint.query);
  }
  const names = new Map<Schema, string>();
  const taken = new Set<string>();
  const name = (schema: Schema, wanted: string) => {
    if (names.has(schema) || inlineOnly.has(schema)) return;
    let unique = wanted;
    for (let n = 2; taken.has(unique); n += 1) unique = `${wanted}${n}`;
    names.set(schema, unique);
    taken.add(unique);
  };
  name(problemDetails, 'Problem');
  // A schema exported under several names takes its domain name (`upgradeGiftCartItem`) over
  // an endpoint alias (`updateCartItemResponse`).
  const exported = schemaModules.flatMap((module) =>
    Object.entries(module).filter((entry): entry is [string, Schema] => isSchema(entry[1]) && componentKinds.has(entry[1]._zod.def.type)),
  );
  const isAlias = (exportName: string) => /(?:Response|Body)$/.test(exportName);
  for (const [exportName, schema] of exported) if (!isAlias(exportName)) name(schema, pascalCase(exportName));
  for (const [exportName, schema] of exported) if (isAlias(exportName)) name(schema, pascalCase(exportName));
  for (const [type, schema] of Object.entries(eventDataSchemas)) name(schema, `${pascalCase(type)}Data`);
  for (const endpoint of endpointList) {
    if (endpoint.body) name(endpoint.body, `${pascalCase(endpoint.id)}Body`);
    if (componentKinds.has(endpoint.response._zod.def.type)) name(endpoint.response, `${pascalCase(endpoint.id)}Response`);
  }
  return names;
}

/**
 * JSON Schemas are generated for the input side (`io: 'input'`): what a client sends, and what
 * it may receive (responses have no transforms or defaults, so both sides agree).
 */
function buildComponents(names: Map<Schema, string>): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => `${componentPrefix}${id}`,
  });
  const components: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    components[id] = rest;
  }
  return components;
}

/** The properties of an object schema (path or query), each as a standalone JSON Schema. */
function objectProperties(schema: Schema): { properties: Record<string, JsonObject>; required: Set<string> } {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', metadata: z.registry() }) as JsonObject;
  return {
    properties: (json.properties ?? {}) as Record<string, JsonObject>,
    required: new Set((json.required ?? []) as string[]),
  };
}

function parametersOf(endpoint: Endpoint): JsonObject[] {
  const parameters: JsonObject[] = [];
  const example = exampleOf(endpoint);
  const withExample = (parameter: JsonObject, value: string | undefined) => (value === undefined ? parameter : { ...parameter, example: value });
  if (endpoint.params) {
    const { properties } = objectProperties(endpoint.params);
    for (const name of pathParamNames(endpoint.path)) {
      parameters.push(withExample({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } }, example.params?.[name]));
    }
  }
  if (endpoint.query) {
    const { properties, required } = objectProperties(endpoint.query);
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push(withExample({ name, in: 'query', required: required.has(name), schema }, example.query?.[name]));
    }
  }
  if (endpoint.idempotencyKey) {
    const { properties } = objectProperties(z.object({ key: common.idempotencyKey }));
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'One key per user action, reused on retries: the same key and body replay the first answer; a different body is 409 idempotency_conflict.',
      schema: properties.key,
    });
  }
  return parameters;
}

function ref(names: Map<Schema, string>, schema: Schema): JsonObject {
  const id = names.get(schema);
  if (!id) throw new Error('schema without a component name');
  return { $ref: `${componentPrefix}${id}` };
}

function successContent(endpoint: Endpoint, names: Map<Schema, string>): JsonObject {
  const example = exampleOf(endpoint).response;
  if (endpoint.responseContentType === 'image/svg+xml') return { 'image/svg+xml': { schema: { type: 'string' }, example } };
  return { 'application/json': { schema: ref(names, endpoint.response), example } };
}

function errorResponses(codes: readonly ErrorCode[]): Record<string, JsonObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  const responses: Record<string, JsonObject> = {};
  for (const [status, statusCodes] of byStatus) {
    const response: JsonObject = {
      description: statusCodes.map((code) => `${code}: ${titleOf(code)}`).join('; '),
      content: {
        [problemContentType]: {
          schema: { allOf: [{ $ref: `${componentPrefix}Problem` }, { properties: { code: { enum: statusCodes } } }] },
        },
      },
    };
    if (status === 429) {
      response.headers = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } };
    }
    responses[String(status)] = response;
  }
  return responses;
}

const securityByAuth: Record<EndpointAuth, JsonObject[]> = {
  public: [],
  member: [{ memberToken: [] }],
  seller: [{ memberToken: [] }],
  shop: [{ shopApiKey: [] }],
};

function operationOf(endpoint: Endpoint, names: Map<Schema, string>): JsonObject {
  const responses: Record<string, JsonObject> = {
    [String(endpoint.status)]: { description: 'Success', content: successContent(endpoint, names) },
  };
  if (endpoint.createdStatus) {
    responses[String(endpoint.createdStatus)] = { description: 'Created', content: successContent(endpoint, names) };
  }
  Object.assign(responses, errorResponses(endpoint.errors));
  const operation: JsonObject = {
    operationId: endpoint.id,
    summary: endpoint.summary,
    description: endpointDocs[endpoint.id as EndpointId].description,
    tags: [endpoint.auth],
    security: securityByAuth[endpoint.auth],
    parameters: parametersOf(endpoint),
    responses,
  };
  if (endpoint.body) {
    operation.requestBody = { required: true, content: { 'application/json': { schema: ref(names, endpoint.body), example: exampleOf(endpoint).body } } };
  }
  return operation;
}

/** The whole document; pure, so a server can build it once and serve it at `/v1/openapi.json`. */
export function buildOpenApiDocument(options: OpenApiOptions = {}): JsonObject {
  const names = nameComponents();
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const endpoint of endpointList) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operationOf(endpoint, names);
  }
  const document: JsonObject = {
    openapi: '3.1.0',
    info: {
      title: 'member-rewards-kit',
      version: options.version ?? apiVersion,
      description:
        'Points, levels, coins, gifts and partner sellers. Amounts are integers (cents, coins); times are ISO 8601 in UTC; errors are `application/problem+json` with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
      contact: options.contact ?? { name: 'member-rewards-kit' },
    },
    servers: [options.serverUrl ? { url: options.serverUrl } : { url: '/', description: 'The server this document was read from' }],
    tags: [
      { name: 'public', description: 'Anyone, without credentials' },
      { name: 'member', description: 'A member, about their own account' },
      { name: 'shop', description: "The shop's backend" },
      { name: 'seller', description: 'A partner seller, about their own backstage' },
    ],
    paths,
    components: {
      schemas: buildComponents(names),
      securitySchemes: {
        memberToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "HS256 token signed by the shop's backend: `sub` is the member id, `exp` is required. Sellers use their member token.",
        },
        shopApiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: "The shop backend's key" },
      },
    },
  };
  return document;
}
