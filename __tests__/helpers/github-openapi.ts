// GitHub's own REST API description (the operations token-preflight calls, from @octokit/openapi
// 23.0.2 generated/api.github.com.deref.json, in __tests__/fixtures/github-openapi-subset.json):
// the requests the action makes, and the answers the tests fake, are checked against it, so a
// test cannot pass on a request or an answer shape GitHub does not have.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const SPEC = JSON.parse(readFileSync(new URL('../fixtures/github-openapi-subset.json', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
// OpenAPI 3.0 schemas: `nullable` is Ajv's own keyword; formats and the spec's extension keywords are not checked.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const compiled = new Map<unknown, ValidateFunction>();
const validator = (schema: unknown) => {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(jsonSchema(schema) as object)));
  return validate;
};

/**
 * OpenAPI 3.0's `nullable` as JSON Schema: `type: [t, 'null']`; beside `anyOf`/`allOf`/`oneOf`
 * (no `type` of its own) it also lets null through. `enum`s gain null where nullable.
 */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'example' || key === 'examples' ? value : jsonSchema(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  } else if ('nullable' in out) delete out.nullable;
  return out;
}

/** The operation of `method` and a concrete path (`/repos/acme/app/pulls/7/files`), with its template's parameters. */
export function operationFor(method: string, path: string): { id: string; operation: Operation; params: Record<string, string> } | undefined {
  const bare = path.replace(/^\/api\/v3(?=\/)/, '').split('?')[0]!;
  for (const [template, item] of Object.entries(SPEC.paths)) {
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    const m = pattern.exec(bare);
    const operation = item[method.toLowerCase()];
    if (m && operation) return { id: operation.operationId, operation, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  return undefined;
}

/** What is wrong with a request against GitHub's description: an unknown operation, query parameter or body shape. */
export function requestProblems(method: string, url: string, body?: unknown): string[] {
  const parsed = new URL(url, 'https://api.github.com');
  const found = operationFor(method, parsed.pathname);
  if (!found) return [`${method} ${parsed.pathname}: no such operation in GitHub's REST API description (or not one token-preflight is known to call)`];
  const problems: string[] = [];
  const query = (found.operation.parameters ?? []).filter((p) => p.in === 'query');
  for (const name of parsed.searchParams.keys()) if (!query.some((p) => p.name === name)) problems.push(`${found.id}: unknown query parameter ${name}`);
  const schema = found.operation.requestBody?.content?.['application/json']?.schema;
  if (schema) {
    const validate = validator(schema);
    if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${found.id} body${e.instancePath}: ${e.message}`));
  } else if (body !== undefined && body !== null && body !== '') problems.push(`${found.id}: takes no body`);
  return problems;
}

/** What is wrong with a faked answer: a status the operation does not document, or a body of another shape. */
export function responseProblems(method: string, path: string, status: number, body: unknown): string[] {
  const found = operationFor(method, path);
  if (!found) return [`${method} ${path}: no such operation`];
  const response = found.operation.responses?.[String(status)];
  if (!response) return [`${found.id}: GitHub does not document status ${status}`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [];
  const validate = validator(schema);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${found.id} ${status}${e.instancePath}: ${e.message}`);
}

/** The example answer GitHub's description documents for `method path` and `status` (the first, or the one named). */
export function documentedExample(method: string, path: string, status: number, name?: string): Record<string, unknown> {
  const found = operationFor(method, path);
  const content = (found?.operation.responses?.[String(status)]?.content?.['application/json'] ?? {}) as { examples?: Record<string, { value: unknown }> };
  const examples = content.examples ?? {};
  const example = examples[name ?? Object.keys(examples)[0] ?? ''];
  if (!example) throw new Error(`no documented example for ${method} ${path} ${status}`);
  return structuredClone(example.value) as Record<string, unknown>;
}
