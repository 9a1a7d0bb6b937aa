import { describe, expect, it } from 'vitest'
import { clientIp, normaliseIp, trustedProxyHops } from './client-ip'

const headers = (values: Record<string, string>) => new Headers(values)

describe('client IP', () => {
  it('trusts no forwarding header by default: a forged X-Forwarded-For or X-Real-IP is never the client', () => {
    const forged = headers({ 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' })
    expect(clientIp(forged, 0)).toBeNull()
    expect(clientIp(forged, trustedProxyHops({}))).toBeNull()
  })

  it('behind one proxy, takes the address that proxy appended, not the one the client wrote', () => {
    // The client sent "X-Forwarded-For: 203.0.113.66"; the proxy appended the socket address it saw.
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.7' }), 1)).toBe(
      '198.51.100.7',
    )
    expect(clientIp(headers({ 'x-forwarded-for': '198.51.100.7' }), 1)).toBe('198.51.100.7')
    expect(
      clientIp(
        headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.7', 'x-real-ip': '203.0.113.67' }),
        1,
      ),
    ).toBe('198.51.100.7')
  })

  it('behind a CDN and a proxy, counts two hops from the right', () => {
    expect(
      clientIp(headers({ 'x-forwarded-for': '203.0.113.66, 198.51.100.7, 192.0.2.10' }), 2),
    ).toBe('198.51.100.7')
  })

  it('gives no address when the chain is shorter than the trusted hops, or the entry is not an address', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '198.51.100.7' }), 2)).toBeNull()
    expect(clientIp(headers({}), 1)).toBeNull()
    expect(clientIp(headers({ 'x-forwarded-for': '1.2.3.4, unknown' }), 1)).toBeNull()
    expect(clientIp(headers({ 'x-forwarded-for': '1.2.3.4, <script>' }), 1)).toBeNull()
  })

  it('reads the forms proxies write: ports, brackets, IPv4-mapped IPv6', () => {
    expect(normaliseIp('198.51.100.7:52100')).toBe('198.51.100.7')
    expect(normaliseIp('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normaliseIp('2001:db8::1')).toBe('2001:db8::1')
    expect(normaliseIp('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normaliseIp('"198.51.100.7"')).toBe('198.51.100.7')
    expect(normaliseIp('')).toBeNull()
  })

  it('reads TRUSTED_PROXY_HOPS, treating anything invalid as no trusted proxy', () => {
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '1' })).toBe(1)
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: ' 2 ' })).toBe(2)
    for (const bad of ['-1', 'un', '1.5', '99'])
      expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(0)
  })
})
