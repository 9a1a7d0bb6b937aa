import { headers } from 'next/headers'
import { clientIp } from '@/lib/http/client-ip'

/** Client IP (from trusted proxies only, see clientIp) and user agent of the current request, for audit and authenticity records. */
export async function requestContext(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers()
  return { ip: clientIp(h), userAgent: h.get('user-agent') }
}
