import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { establishments } from '@/db/schema'

// The establishment's logo, shown in the staff header (every page: nothing heavy here; the
// upload's checks are in logo-upload.ts).

export const LOGO_MAX_BYTES = 512 * 1024

export const logoFormats = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
} as const
export type LogoExtension = keyof typeof logoFormats

/** The logo's address, changing with the file (so browsers may cache it); null without a logo. */
export const logoUrl = (establishmentId: string, logoKey: string | null) =>
  logoKey
    ? `/api/etablissements/${establishmentId}/logo?v=${createHash('sha256').update(logoKey).digest('hex').slice(0, 12)}`
    : null

/** The current establishment's logo for the header. */
export async function establishmentLogo(db: Executor, establishmentId: string) {
  const [row] = await db
    .select({ name: establishments.name, logoKey: establishments.logoKey })
    .from(establishments)
    .where(eq(establishments.id, establishmentId))
  if (!row) return null
  return { name: row.name, key: row.logoKey, url: logoUrl(establishmentId, row.logoKey) }
}

export const logoContentType = (key: string) =>
  logoFormats[(key.split('.').pop() ?? '') as LogoExtension] ?? 'application/octet-stream'
