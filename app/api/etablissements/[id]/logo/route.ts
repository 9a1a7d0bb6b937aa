import { Readable } from 'node:stream'
import { db } from '@/db'
import { notFound } from '@/lib/auth/route-handlers'
import { establishmentLogo, logoContentType } from '@/lib/establishments/logo'
import { storage } from '@/lib/storage'
import { isUuid } from '@/lib/validation/uuid'

// An establishment's logo: public, like its name. The address changes with the file (?v=),
// so browsers may keep it a day. An SVG is served so that nothing in it could run.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (!isUuid(id)) return notFound()
  const logo = await establishmentLogo(db, id)
  if (!logo?.key) return notFound()
  const file = await storage().get(logo.key)
  if (!file) return notFound()
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      'Content-Type': logoContentType(logo.key),
      ...(file.size !== undefined ? { 'Content-Length': String(file.size) } : {}),
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  })
}
