import { headers } from 'next/headers'

/** Client IP and user agent of the current request, for audit and authenticity records. */
export async function requestContext(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers()
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim()
  return { ip: forwarded || h.get('x-real-ip') || null, userAgent: h.get('user-agent') }
}
