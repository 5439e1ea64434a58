/**
 * R17: a retried request carries the same idempotency key and the same content; the same key
 * with different content is refused. The fingerprint is a canonical JSON of the content, so
 * that key order and whitespace do not matter.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('not a finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The comparison key of a request body: same content ⇔ same fingerprint. */
export function requestFingerprint(content: unknown): string {
  return canonicalJson(content);
}
