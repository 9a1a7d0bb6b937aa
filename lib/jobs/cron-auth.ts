import { createHash, timingSafeEqual } from 'node:crypto'

/** Checks `Authorization: Bearer <CRON_SECRET>` in constant time; no secret configured means no access. */
export function isAuthorizedCronRequest(
  authorization: string | null,
  secret: string | undefined,
): boolean {
  if (!secret || !authorization?.startsWith('Bearer ')) return false
  const given = createHash('sha256').update(authorization.slice('Bearer '.length)).digest()
  const expected = createHash('sha256').update(secret).digest()
  return timingSafeEqual(given, expected)
}
