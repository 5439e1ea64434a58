import { BFF_API, BFF_RATE_LIMITS, openApiDocument as documentOf, type EndpointSpec } from '@family-share/shared';

/**
 * The BFF's OpenAPI 3 document, generated from the shared registry and its zod schemas by the
 * builder the platform uses too — never written by hand, so it cannot disagree with what the BFF checks.
 */
export function openApiDocument(): Record<string, unknown> {
  return documentOf(BFF_API, {
    title: '家庭共济 BFF',
    version: '1.0.0',
    description: 'The API of the family-sharing mini-program. Money is integer fen; other people are masked. Errors carry a stable code.',
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    securityOf: (_name, spec) => ((spec as EndpointSpec).auth ? [{ bearer: [] }] : []),
    // The declared limit (max requests per window, per address / WeChat account / person).
    extensionsOf: (_name, spec) => {
      const limit = (spec as EndpointSpec).rateLimit;
      return limit ? { 'x-rate-limit': { name: limit, ...BFF_RATE_LIMITS[limit] } } : {};
    },
  });
}
