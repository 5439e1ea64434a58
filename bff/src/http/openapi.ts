import { BFF_API, BFF_RATE_LIMITS, ERROR_CATALOGUE, ErrorBodySchema, type EndpointSpec, type ErrorCode } from '@family-share/shared';
import { z } from 'zod';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(spec: EndpointSpec) {
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

/**
 * The OpenAPI 3 document, generated from the shared registry and its zod schemas — never
 * written by hand, so it cannot disagree with what the BFF checks.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, raw] of Object.entries(BFF_API)) {
    const spec = raw as EndpointSpec;
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const errorStatuses = new Map<number, ErrorCode[]>();
    for (const code of spec.errors) {
      const status = ERROR_CATALOGUE[code].status;
      errorStatuses.set(status, [...(errorStatuses.get(status) ?? []), code]);
    }
    const responses: Record<string, unknown> = {
      [String(spec.status ?? (spec.response ? 200 : 204))]: spec.response
        ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }
        : { description: 'No content' },
    };
    for (const [status, codes] of [...errorStatuses].sort(([a], [b]) => a - b)) {
      responses[String(status)] = {
        description: codes.join(', '),
        content: { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output'), examples: Object.fromEntries(codes.map((c) => [c, { value: { error: { code: c, message: ERROR_CATALOGUE[c].description } } }])) } },
      };
    }
    paths[path] = {
      ...paths[path],
      [spec.method]: {
        operationId: name,
        summary: spec.summary,
        security: spec.auth ? [{ bearer: [] }] : [],
        parameters: parameters(spec),
        ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
        responses,
        // The declared limit (max requests per window, per address / WeChat account / person).
        ...(spec.rateLimit ? { 'x-rate-limit': { name: spec.rateLimit, ...BFF_RATE_LIMITS[spec.rateLimit] } } : {}),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '家庭共济 BFF',
      version: '1.0.0',
      description: 'The API of the family-sharing mini-program. Money is integer fen; other people are masked. Errors carry a stable code.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
