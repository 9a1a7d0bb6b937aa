import type { NextConfig } from 'next'
import { SERVER_ACTION_BODY_LIMIT } from './lib/http/server-action-limits'

const isProduction = process.env.NODE_ENV === 'production'

// Static security headers; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
  ...(isProduction
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
]

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Rendered at runtime from node_modules rather than bundled into the server graph.
  serverExternalPackages: [
    'react-email',
    '@react-email/render',
    '@react-pdf/renderer',
    'exceljs',
    '@electric-sql/pglite',
    'pg',
  ],
  experimental: {
    authInterrupts: true,
    serverActions: {
      // proxy.ts answers an oversized action body with 413 before Next.js would (with a 500).
      bodySizeLimit: SERVER_ACTION_BODY_LIMIT,
      // Server actions refuse a request whose Origin differs from its Host / X-Forwarded-Host.
      // Pages are served on APP_URL's origin (read when `next start` loads this file): actions
      // posted from there stand even behind a proxy that reports another host.
      allowedOrigins: process.env.APP_URL ? [new URL(process.env.APP_URL).host] : [],
    },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default nextConfig
