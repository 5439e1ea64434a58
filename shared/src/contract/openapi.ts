// One OpenAPI 3 builder for both registries (the BFF's BFF_API, the platform's PLATFORM_API):
// the documents are generated from the zod schemas the servers check, never written by hand.
import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors';
import { ErrorBodySchema } from './common';

/** What every registry entry has, whichever server it belongs to. */
export interface ApiEndpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Koa-style, with `:name` segments. */
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: z.ZodType;
  /** null: no body (204 unless `status` says otherwise). */
  response: z.ZodType | null;
  status?: number;
  /** The catalogue codes this endpoint answers with; absent: any code of the catalogue. */
  errors?: readonly ErrorCode[];
  /** The national platform's transaction number (交易编号) this endpoint stands for, if any. */
  national?: readonly string[];
}

export interface OpenApiOptions {
  title: string;
  description: string;
  version: string;
  /** components.securitySchemes; `securityOf` names which applies to an endpoint. */
  securitySchemes: Record<string, Record<string, unknown>>;
  securityOf: (name: string, spec: ApiEndpoint) => Array<Record<string, string[]>>;
  /** `x-…` fields of a registry's own (the BFF's declared rate limits). */
  extensionsOf?: (name: string, spec: ApiEndpoint) => Record<`x-${string}`, unknown>;
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(spec: ApiEndpoint) {
  const out: Array<Record<string, unknown>> = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
    if (!schema) return;
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  };
  add(spec.params, 'path');
  add(spec.query, 'query');
  add(spec.headers, 'header');
  return out;
}

/** `:name` → `{name}`, as OpenAPI writes path parameters. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

function errorResponses(spec: ApiEndpoint): Record<string, unknown> {
  const errorBody = jsonSchema(ErrorBodySchema, 'output');
  if (!spec.errors) {
    return { default: { description: 'A failure with a stable code of the error catalogue', content: { 'application/json': { schema: errorBody } } } };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of spec.errors) {
    const status = ERROR_CATALOGUE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: codes.join(', '),
      content: { 'application/json': { schema: errorBody, examples: Object.fromEntries(codes.map((c) => [c, { value: { error: { code: c, message: ERROR_CATALOGUE[c].description } } }])) } },
    };
  }
  return out;
}

/** The OpenAPI 3.0 document of a registry; the operationId of each entry is its name there. */
export function openApiDocument(registry: Record<string, ApiEndpoint>, options: OpenApiOptions): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(registry)) {
    const path = openApiPath(spec.path);
    const success = String(spec.status ?? (spec.response ? 200 : 204));
    paths[path] = {
      ...paths[path],
      [spec.method]: {
        operationId: name,
        summary: spec.national ? `${spec.summary} (national ${spec.national.join('/')})` : spec.summary,
        ...(spec.national ? { 'x-national-transaction': [...spec.national] } : {}),
        security: options.securityOf(name, spec),
        parameters: parameters(spec),
        ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
        responses: {
          [success]: spec.response
            ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }
            : { description: 'No content' },
          ...errorResponses(spec),
        },
        ...options.extensionsOf?.(name, spec),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: options.title, version: options.version, description: options.description },
    components: { securitySchemes: options.securitySchemes },
    paths,
  };
}

/** Fills the `:name` segments of a registry path (each value URI-encoded). */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_m, key: string) => encodeURIComponent(String(params[key] ?? '')));
}
