const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether an id from a URL, a form or a webhook has the shape of our ids. Checked before any
 * query: anything else is "not found" at once, instead of an error from the database's uuid
 * type.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && canonicalUuid.test(value)
}
