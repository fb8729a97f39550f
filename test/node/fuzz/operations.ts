/**
 * The API's operations as the OpenAPI document describes them, with a valid request for each
 * and the leaves (fields, path and query parameters) that boundary and malformed inputs replace.
 * Everything is derived from the document, which is generated from the endpoint table: a new
 * endpoint is covered without touching this file.
 */
import { buildOpenApiDocument } from '../../../src/api/openapi.ts';

export type JsonSchema = Record<string, unknown>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Caller = 'public' | 'member' | 'shop' | 'seller';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  id: string;
  method: string;
  /** OpenAPI style: `/v1/members/{id}`. */
  path: string;
  caller: Caller;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

export const document = buildOpenApiDocument() as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
};

export function resolve(schema: JsonSchema): JsonSchema {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`unresolved ${current.$ref}`);
    current = target;
  }
  return current;
}

export function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tags = (op.tags ?? []) as string[];
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
      list.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        caller: (tags[0] ?? 'public') as Caller,
        parameters: (op.parameters ?? []) as Parameter[],
        body: content?.['application/json']?.schema,
      });
    }
  }
  return list;
}

/**
 * The ids a valid request names, so that it reaches the database instead of stopping at a 404:
 * the world (see world.ts) holds these. Identifiers of new things get a fresh value each time.
 */
export const knownIds = {
  member: 'fuzz-m1',
  otherMember: 'fuzz-m2',
  seller: 'fuzz-s1',
  catalogItem: 'fuzz-item',
  project: 'fuzz-p1',
  sku: 'fuzz-sku',
} as const;

let fresh = 0;
const freshId = (prefix: string) => `${prefix}-${(fresh += 1)}`;

const idForProperty: Record<string, () => string> = {
  // A webhook sent anywhere in a test goes to a closed port on this machine, never beyond it.
  url: () => 'https://127.0.0.1:9/rewards-hook',
  memberId: () => knownIds.member,
  invitedBy: () => knownIds.otherMember,
  partnerSellerId: () => knownIds.seller,
  catalogItemId: () => knownIds.catalogItem,
  sku: () => knownIds.sku,
};

/** `{id}` after `members/`, `projects/`…: the known thing of that kind; anything else a fresh id. */
export function pathParamValue(path: string, name: string): string {
  const before = path
    .split('/{' + name + '}')[0]!
    .split('/')
    .pop();
  switch (before) {
    case 'members':
      return knownIds.member;
    case 'projects':
      return knownIds.project;
    case 'catalog':
      return knownIds.catalogItem;
    case 'sellers':
      return knownIds.seller;
    case 'products':
      return knownIds.sku;
    default:
      return freshId(name);
  }
}

// URLs name a closed port on this machine: nothing generated here may reach beyond it.
const exampleStrings = ['2025-03', 'https://127.0.0.1:9/a.png', 'UTC', 'x1', 'a'];

function sampleString(schema: JsonSchema, property: string | undefined): string {
  if (schema.format === 'date-time') return '2025-03-12T12:00:00Z';
  if (schema.format === 'date') return '2025-03-12';
  const patterns = [schema.pattern, ...((schema.allOf ?? []) as JsonSchema[]).map((part) => part.pattern)]
    .filter((pattern): pattern is string => typeof pattern === 'string')
    .map((pattern) => new RegExp(pattern, 'u'));
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  const fits = (text: string) => text.length >= min && text.length <= max && patterns.every((p) => p.test(text));
  const named = property ? idForProperty[property]?.() : undefined;
  if (named !== undefined && fits(named)) return named;
  const id = freshId(property ?? 'v');
  if (fits(id)) return id;
  return exampleStrings.find(fits) ?? 'a'.repeat(Math.max(1, min));
}

/**
 * A valid value of `schema`: every optional property present, the first branch of a union
 * (`branch` picks another at the top), integers small and inside their bounds.
 */
export function sample(schema: JsonSchema, property?: string, branch = 0): Json {
  const s = resolve(schema);
  if ('const' in s) return s.const as Json;
  if (Array.isArray(s.enum)) return s.enum[0] as Json;
  const union = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (union) {
    const nonNull = union.filter((option) => resolve(option).type !== 'null');
    return sample(nonNull[branch % nonNull.length] ?? union[0]!, property);
  }
  switch (s.type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [name, inner] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) out[name] = sample(inner, name);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(s.minItems ?? 0)) }, () => sample((s.items ?? {}) as JsonSchema, property));
    case 'integer': {
      const min = Number(s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : 0));
      const max = Number(s.maximum ?? Number.MAX_SAFE_INTEGER);
      return Math.min(Math.max(1, min), max);
    }
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return sampleString(s, property);
    default:
      return null;
  }
}

/** How many top-level branches a body has (one per event type for `POST /v1/events`). */
export function branchCount(schema: JsonSchema): number {
  const s = resolve(schema);
  const union = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  return union ? union.length : 1;
}

export interface Leaf {
  /** Where in the body: `['data', 'lines', 0, 'unitPriceCents']`. */
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every scalar in `value` with the schema it was made from; of an array, its first item's only, unless `allItems`. */
export function leaves(schema: JsonSchema, value: Json, path: (string | number)[] = [], allItems = false): Leaf[] {
  const s = resolve(schema);
  const union = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (union) {
    // The branch this value was sampled from: the one whose constant fields it matches.
    const options = union.map(resolve).filter((option) => option.type !== 'null');
    const matching =
      options.find((option) =>
        Object.entries((option.properties ?? {}) as Record<string, JsonSchema>).every(
          ([name, inner]) => !('const' in resolve(inner)) || (value as Record<string, Json>)?.[name] === resolve(inner).const,
        ),
      ) ?? options[0];
    return matching ? leaves(matching, value, path, allItems) : [];
  }
  if (s.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).flatMap(([name, inner]) =>
      name in value ? leaves(inner, value[name]!, [...path, name], allItems) : [],
    );
  }
  if (s.type === 'array' && Array.isArray(value)) {
    const items = allItems ? value : value.slice(0, 1);
    return items.flatMap((item, index) => leaves((s.items ?? {}) as JsonSchema, item, [...path, index], allItems));
  }
  if ('const' in s) return [];
  return [{ path, schema: s }];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function replaced(value: Json, path: (string | number)[], leaf: unknown): Json {
  if (path.length === 0) return leaf as Json;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, leaf) : item));
  const object = value as Record<string, Json>;
  return { ...object, [head as string]: replaced(object[head as string]!, rest, leaf) };
}

const dateLike = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '2999-12-31T23:59:59Z',
  '3000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2025-02-29T00:00:00Z',
  '0000-01-01',
  '1970-01-01',
  '9999-12-31',
  '0000-01',
  '2999-12',
  '9999-12',
  '1970-01',
];

/** Strings that break a database, a parser or a page: NUL, lone surrogates, markup, SQL, traversal. */
export const hostileStrings = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'a\uD800b',
  '\uDFFF',
  '\uD83D\uDE00',
  '\u202Eevil',
  '\uFEFF',
  "<script>alert('x')</script>",
  '"><svg onload=alert(1)>',
  "' OR '1'='1' --",
  "'; DROP TABLE members; --",
  '../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '${7*7}{{7*7}}',
  '\\',
];

/** The edge values of one leaf of the type its schema declares: what a valid-looking request may carry. */
export function boundaryValues(schema: JsonSchema): unknown[] {
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = Number(schema.minimum ?? 0);
    const max = Number(schema.maximum ?? Number.MAX_SAFE_INTEGER);
    return [...new Set([min - 1, min, max, max + 1, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, -(2 ** 31) - 1, 1e308, 0.5, -0])];
  }
  if (schema.type === 'string') {
    const max = Number(schema.maxLength ?? 300);
    return [...hostileStrings, ...dateLike, 'x'.repeat(max), 'x'.repeat(max + 1), '\uD83D\uDE00'.repeat(Math.ceil(max / 2))];
  }
  if (schema.type === 'boolean') return [true, false];
  return [];
}

/** Values of the wrong type, for any leaf. */
export const wrongTypes: unknown[] = [null, true, 0, -1, 1.5, 'text', [], {}, [[[[[[[[[[]]]]]]]]]], { $gt: '' }];
