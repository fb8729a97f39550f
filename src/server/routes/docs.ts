/**
 * `/docs`: the API reference for people, rendered on the server from the OpenAPI document, so it
 * can never drift from `/v1/openapi.json`. Plain HTML and one inline style sheet: no script, no
 * font or anything else from another host (it must work offline), and every text that comes from
 * the document is escaped.
 */
import { buildOpenApiDocument } from '../../api/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { packageVersion } from '../package-version.ts';

type Json = Record<string, unknown>;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_DEPTH = 8;

export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The Markdown the document's descriptions use, as HTML: paragraphs, `code` and **strong**.
 * Everything is escaped first, so a description can never add markup of its own.
 */
export function markdownHtml(text: unknown): string {
  return String(text ?? '')
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => {
      const inline = escapeHtml(paragraph.trim())
        .replace(/`([^`]+)`/g, '<code>$1</code>')
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      return `<p>${inline}</p>`;
    })
    .join('');
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asObject = (value: unknown): Json => (isObject(value) ? value : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const code = (value: unknown) => `<code>${escapeHtml(value)}</code>`;
const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** Limits of a scalar, in words: "1–128 characters", "≥ 0", "pattern …". */
function constraints(schema: Json): string[] {
  const notes: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    const hasMin = typeof min === 'number';
    const hasMax = typeof max === 'number' && max !== MAX_SAFE;
    if (hasMin && hasMax) notes.push(min === max ? `exactly ${max}${unit}` : `${min}–${max}${unit}`);
    else if (hasMin) notes.push(`≥ ${min}${unit}`);
    else if (hasMax) notes.push(`≤ ${max}${unit}`);
  };
  range(schema.minimum, schema.maximum, '');
  range(schema.minLength, schema.maxLength, ' characters');
  range(schema.minItems, schema.maxItems, ' items');
  if (typeof schema.exclusiveMinimum === 'number') notes.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === 'number') notes.push(`< ${schema.exclusiveMaximum}`);
  if (typeof schema.format === 'string') notes.push(schema.format);
  if (typeof schema.pattern === 'string') notes.push(`pattern ${schema.pattern}`);
  return notes;
}

/** A schema as HTML: a link for a named schema, a phrase for a scalar, a table for an object. */
export function schemaHtml(raw: unknown, depth = 0): string {
  const schema = asObject(raw);
  if (depth > MAX_DEPTH) return '<span class="type">…</span>';
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return `<a class="ref" href="#${anchor('schema', name)}">${escapeHtml(name)}</a>`;
  }
  const description = typeof schema.description === 'string' ? `<div class="desc">${markdownHtml(schema.description)}</div>` : '';
  const union = asArray(schema.oneOf).length > 0 ? asArray(schema.oneOf) : asArray(schema.anyOf);
  if (union.length > 0) return unionHtml(union, depth) + description;
  if (asArray(schema.allOf).length > 0) {
    return (
      asArray(schema.allOf)
        .map((part) => refinementHtml(part, depth + 1))
        .join(' <span class="type">with</span> ') + description
    );
  }
  if ('const' in schema) return code(JSON.stringify(schema.const)) + description;
  if (Array.isArray(schema.enum)) {
    return `<span class="type">one of</span> ${schema.enum.map((value) => code(JSON.stringify(value))).join(', ')}${description}`;
  }
  if (schema.type === 'array') {
    const limits = constraints(schema);
    return `<span class="type">array${limits.length ? ` (${escapeHtml(limits.join(', '))})` : ''} of</span> ${schemaHtml(schema.items, depth + 1)}${description}`;
  }
  if (schema.type === 'object' || isObject(schema.properties)) return objectHtml(schema, depth) + description;
  if (typeof schema.type === 'string') {
    const limits = constraints(schema);
    return `<span class="type">${escapeHtml(schema.type)}</span>${limits.length ? ` <span class="limits">${escapeHtml(limits.join(', '))}</span>` : ''}${description}`;
  }
  return '<span class="type">any</span>' + description;
}

/** A part of an `allOf` that only narrows one field (a problem's `code`) reads inline: "code one of …". */
function refinementHtml(raw: unknown, depth: number): string {
  const part = asObject(raw);
  const fields = Object.entries(asObject(part.properties));
  const [only] = fields;
  if (part.type === undefined && part.$ref === undefined && fields.length === 1 && only) {
    return `${code(only[0])} ${schemaHtml(only[1], depth + 1)}`;
  }
  return schemaHtml(raw, depth);
}

function unionHtml(options: unknown[], depth: number): string {
  const simple = options.every((option) => !isObject(option) || !('properties' in option));
  if (simple) return options.map((option) => schemaHtml(option, depth + 1)).join(' <span class="type">or</span> ');
  return `<div class="union"><span class="type">one of:</span><ol>${options.map((option) => `<li>${schemaHtml(option, depth + 1)}</li>`).join('')}</ol></div>`;
}

function objectHtml(schema: Json, depth: number): string {
  const properties = asObject(schema.properties);
  const required = new Set(asArray(schema.required).map(String));
  const names = Object.keys(properties);
  if (names.length === 0) {
    if (isObject(schema.additionalProperties)) {
      const keys = isObject(schema.propertyNames) ? schemaHtml(schema.propertyNames, depth + 1) : '<span class="type">string</span>';
      return `<span class="type">map from</span> ${keys} <span class="type">to</span> ${schemaHtml(schema.additionalProperties, depth + 1)}`;
    }
    return '<span class="type">object</span>';
  }
  const rows = names
    .map(
      (name) =>
        `<tr><td>${code(name)}${required.has(name) ? '' : ' <span class="optional">optional</span>'}</td><td>${schemaHtml(properties[name], depth + 1)}</td></tr>`,
    )
    .join('');
  return `<table class="fields"><thead><tr><th scope="col">field</th><th scope="col">type</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const AUTH_WORDS: Record<string, string> = {
  memberToken: 'member token: Authorization: Bearer <token>',
  shopApiKey: "the shop's key: X-Api-Key",
};

function authHtml(security: unknown): string {
  const schemes = asArray(security).flatMap((requirement) => Object.keys(asObject(requirement)));
  if (schemes.length === 0) return '<p class="auth">No credentials needed.</p>';
  return `<p class="auth">Needs ${schemes.map((scheme) => escapeHtml(AUTH_WORDS[scheme] ?? scheme)).join(' or ')}.</p>`;
}

function parametersHtml(parameters: unknown): string {
  const list = asArray(parameters).map(asObject);
  if (list.length === 0) return '';
  const rows = list
    .map(
      (p) =>
        `<tr><td>${code(p.name)}</td><td>${escapeHtml(p.in)}</td><td>${p.required === true ? 'yes' : 'no'}</td><td>${schemaHtml(p.schema)}${
          typeof p.description === 'string' ? `<div class="desc">${markdownHtml(p.description)}</div>` : ''
        }</td></tr>`,
    )
    .join('');
  return `<h4>Parameters</h4><table class="scroll"><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">required</th><th scope="col">type</th></tr></thead><tbody>${rows}</tbody></table>`;
}

type Components = Record<string, unknown>;

/**
 * A body's media types and schema. What a caller sends and gets back on success is shown in
 * full (its named schema opened one level), so the operation reads without jumping around.
 */
function contentHtml(content: unknown, components?: Components): string {
  return Object.entries(asObject(content))
    .map(([mediaType, media]) => {
      const schema = asObject(asObject(media).schema);
      const named = typeof schema.$ref === 'string' && components ? components[refName(schema.$ref)] : undefined;
      const opened = named === undefined ? '' : `<div class="opened">${schemaHtml(named, 1)}</div>`;
      return `<div class="media">${code(mediaType)} ${schemaHtml(schema)}${opened}</div>`;
    })
    .join('');
}

function responsesHtml(responses: unknown, components: Components): string {
  const items = Object.entries(asObject(responses))
    .map(([status, raw]) => {
      const response = asObject(raw);
      const ok = status.startsWith('2');
      return `<dt class="${ok ? 'ok' : 'error'}">${escapeHtml(status)}</dt><dd>${escapeHtml(response.description ?? '')}${contentHtml(response.content, ok ? components : undefined)}</dd>`;
    })
    .join('');
  return `<h4>Responses</h4><dl class="responses">${items}</dl>`;
}

interface Operation {
  method: string;
  path: string;
  op: Json;
}

const exampleValue = (value: unknown) => `<pre><code>${escapeHtml(typeof value === 'string' ? value : JSON.stringify(value, null, 2))}</code></pre>`;

/** The operation's example exchange: the request line with its parameters, the body sent, the answer. */
function exampleHtml(method: string, path: string, op: Json): string {
  const parameters = asArray(op.parameters).map(asObject);
  let url = path;
  for (const p of parameters.filter((p) => p.in === 'path' && typeof p.example === 'string'))
    url = url.replace(`{${String(p.name)}}`, encodeURIComponent(String(p.example)));
  const query = parameters
    .filter((p) => p.in === 'query' && typeof p.example === 'string')
    .map((p) => `${encodeURIComponent(String(p.name))}=${encodeURIComponent(String(p.example))}`);
  if (query.length) url += `?${query.join('&')}`;
  const requestExample = asObject(Object.values(asObject(asObject(op.requestBody).content))[0]).example;
  const success = Object.entries(asObject(op.responses)).find(([status]) => status.startsWith('2'));
  const responseExample = success ? asObject(Object.values(asObject(asObject(success[1]).content))[0]).example : undefined;
  if (requestExample === undefined && responseExample === undefined) return '';
  return (
    `<details class="example"><summary>Example</summary>` +
    `<p>${code(`${method.toUpperCase()} ${url}`)}</p>` +
    (requestExample === undefined ? '' : `<h4>Request body</h4>${exampleValue(requestExample)}`) +
    (responseExample === undefined || !success ? '' : `<h4>${escapeHtml(success[0])} answer</h4>${exampleValue(responseExample)}`) +
    `</details>`
  );
}

function operationHtml({ method, path, op }: Operation, components: Components): string {
  const id = anchor('op', String(op.operationId ?? `${method}-${path}`));
  const body = isObject(op.requestBody) ? `<h4>Request body</h4>${contentHtml(op.requestBody.content, components)}` : '';
  return (
    `<article class="operation" id="${escapeHtml(id)}">` +
    `<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> ${code(path)}</h3>` +
    `<p class="summary">${escapeHtml(op.summary ?? '')}</p>${markdownHtml(op.description)}${authHtml(op.security)}${parametersHtml(op.parameters)}${body}${responsesHtml(op.responses, components)}` +
    exampleHtml(method, path, op) +
    `</article>`
  );
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#59616e;--bg:#fff;--panel:#f4f6f8;--line:#d6dae0;--link:#1d5fa8}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--muted:#aab1bd;--bg:#16181d;--panel:#1f232a;--line:#353b45;--link:#7cc0ff}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}header{border-bottom:1px solid var(--line)}
a{color:var(--link)}code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
h2{margin-top:2.5rem;border-bottom:1px solid var(--line)}h3{margin:0 0 .25rem;font-size:1.05rem}h4{margin:1rem 0 .25rem;font-size:.9rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.operation,.schema{border:1px solid var(--line);border-radius:6px;padding:1rem;margin:1rem 0;background:var(--bg)}
.method{display:inline-block;min-width:4.2em;text-align:center;font:700 12px/1.8 ui-monospace,monospace;border-radius:3px;color:#fff;background:#59616e;margin-right:.4em}
.method.get{background:#1d6fb8}.method.post{background:#2f7d32}.method.put{background:#8a6100}.method.patch{background:#6b4fa3}.method.delete{background:#b8321f}
table{border-collapse:collapse;width:100%;margin:.25rem 0}th,td{text-align:left;vertical-align:top;border-top:1px solid var(--line);padding:.3rem .5rem}th{font-size:.8rem;color:var(--muted)}
.fields{background:var(--panel)}.type{color:var(--muted);font-style:italic}.limits,.optional,.desc,.auth{color:var(--muted);font-size:.85rem}
.responses dt{font-weight:700;font-family:ui-monospace,monospace}.responses dt.ok{color:#2f7d32}.responses dd{margin:0 0 .5rem 1.5rem}
ol{margin:.25rem 0;padding-left:1.5rem}.opened{margin:.25rem 0 0 1rem}
.summary{font-weight:600}pre{background:var(--panel);padding:.5rem;border-radius:4px;overflow-x:auto;max-width:100%}pre code{background:none;padding:0;overflow-wrap:normal}
details.example summary{cursor:pointer;font-weight:600;margin-top:.75rem}
main,header{overflow-wrap:anywhere}
@media (max-width:40rem){header,main{padding:.75rem}.operation,.schema{padding:.6rem}.opened{margin-left:.4rem}.responses dd{margin-left:.6rem}
table{display:block;overflow-x:auto}th,td{padding:.25rem .3rem}}
`;

/** The whole page, from an OpenAPI 3.1 document. */
export function renderDocsPage(document: Json): string {
  const info = asObject(document.info);
  const tags = asArray(document.tags).map(asObject);
  const components = asObject(asObject(document.components).schemas);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(asObject(document.paths))) {
    for (const [method, op] of Object.entries(asObject(item))) operations.push({ method, path, op: asObject(op) });
  }
  const tagNames = [...new Set([...tags.map((tag) => String(tag.name)), ...operations.flatMap(({ op }) => asArray(op.tags).map(String))])];
  const sections = tagNames
    .map((name) => {
      const tag = tags.find((t) => t.name === name);
      const inTag = operations.filter(({ op }) => asArray(op.tags).map(String).includes(name));
      return (
        `<section id="${escapeHtml(anchor('tag', name))}"><h2>${escapeHtml(name)}</h2>` +
        (typeof tag?.description === 'string' ? markdownHtml(tag.description) : '') +
        inTag.map((operation) => operationHtml(operation, components)).join('') +
        `</section>`
      );
    })
    .join('');
  const schemas = Object.entries(components)
    .map(([name, schema]) => `<article class="schema" id="${escapeHtml(anchor('schema', name))}"><h3>${escapeHtml(name)}</h3>${schemaHtml(schema)}</article>`)
    .join('');
  const nav = [
    ...tagNames.map((name) => `<li><a href="#${escapeHtml(anchor('tag', name))}">${escapeHtml(name)}</a></li>`),
    `<li><a href="#schemas">schemas</a></li>`,
    `<li><a href="/v1/openapi.json">openapi.json</a></li>`,
  ].join('');
  const title = `${String(info.title ?? 'API')} ${String(info.version ?? '')}`.trim();
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="description" content="${escapeHtml(`The HTTP API of ${String(info.title ?? 'this service')}: every operation with its parameters, bodies, answers, errors and an example.`)}">` +
    `<link rel="icon" href="/favicon.ico">` +
    `<title>${escapeHtml(title)} — API reference</title><style>${STYLE}</style></head><body>` +
    `<header><h1>${escapeHtml(title)}</h1>${markdownHtml(info.description)}<nav aria-label="Sections"><ul>${nav}</ul></nav></header>` +
    `<main>${sections}<section id="schemas"><h2>schemas</h2>${schemas}</section></main></body></html>`
  );
}

/**
 * A coin, for the browser tab of /docs and of any page on this origin without an icon of its
 * own: browsers ask for /favicon.ico whatever the page says, and a 404 is a console error.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#f2bf5e" stroke="#8a5300" stroke-width="2"/><circle cx="16" cy="16" r="9.5" fill="none" stroke="#8a5300" stroke-width="1.5"/></svg>';

/** The document cannot change while the process runs: render it once, on first request. */
export function registerDocsRoutes(app: RewardsApp, _deps: HttpDeps): void {
  app.get('/favicon.ico', (c) =>
    c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' }),
  );
  let page: string | undefined;
  app.get('/docs', (c) => {
    page ??= renderDocsPage(buildOpenApiDocument({ version: packageVersion }));
    return c.body(page, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
