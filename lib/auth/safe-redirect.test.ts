import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { afterSignInPath, safeRedirectPath, safeRedirectUrl } from './safe-redirect'

const APP = 'https://candidatures.ozenne.example'
let saved: string | undefined
beforeEach(() => {
  saved = process.env.APP_URL
  process.env.APP_URL = APP
})
afterEach(() => {
  process.env.APP_URL = saved
})

describe('safeRedirectPath', () => {
  it.each([
    ['/espace', '/espace'],
    [
      '/candidature/8c1f0b5e-6b7a-4a39-9e0b-2f3d9c1a7e11',
      '/candidature/8c1f0b5e-6b7a-4a39-9e0b-2f3d9c1a7e11',
    ],
    ['/equipe/candidatures?q=martin&page=2', '/equipe/candidatures?q=martin&page=2'],
    ['/equipe/candidatures?q=jean%20martin', '/equipe/candidatures?q=jean%20martin'],
    ['/equipe#decisions', '/equipe#decisions'],
    [`${APP}/equipe/campagnes`, '/equipe/campagnes'],
    // An ideographic full stop inside a path stays a path (percent-encoded), never a host.
    ['/\u3002evil.example', '/%E3%80%82evil.example'],
  ])('keeps the same-site path %j', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected)
  })

  it.each([
    ['a tab the browser would drop', '/\t/evil.example'],
    ['a tab, percent-encoded', '/%09/evil.example'],
    ['CR/LF (header splitting)', '/espace\r\nSet-Cookie: x=1'],
    ['LF alone', '/\n/evil.example'],
    ['CR/LF percent-encoded in the path', '/%0d%0a/evil.example'],
    ['a NUL byte', '/espace\u0000'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/espace'],
    ['slash backslash', '/\\evil.example'],
    ['backslash alone', '\\\\evil.example'],
    ['slash backslash percent-encoded', '/%5Cevil.example'],
    ['double slash percent-encoded', '/%2F%2Fevil.example'],
    ['one slash percent-encoded after a slash', '/%2Fevil.example'],
    ['a dot segment before //', '/.//evil.example'],
    ['an encoded dot segment before //', '/%2e//evil.example'],
    ['a parent segment before //', '/a/..//evil.example'],
    ['an encoded parent segment before //', '/x/%2e%2e//evil.example'],
    ['ideographic full stop as a host', '//evil\u3002example'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['data scheme', 'data:text/html,<script>alert(1)</script>'],
    ['absolute URL elsewhere', 'https://evil.example/espace'],
    ['absolute URL with our host as a prefix', `${APP}.evil.example/espace`],
    ['absolute URL with userinfo', `https://candidatures.ozenne.example@evil.example/`],
    ['our host over http (another origin)', 'http://candidatures.ozenne.example/espace'],
    ['a relative path', 'espace'],
    ['empty', ''],
    ['a leading space', ' /espace'],
    ['a non-breaking space', '/\u00a0/evil.example'],
    ['malformed percent-encoding', '/espace%'],
    ['too long', `/${'a'.repeat(2001)}`],
  ])('refuses %s', (_label, input) => {
    expect(safeRedirectPath(input)).toBe('/espace')
  })

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(undefined)).toBe('/espace')
    expect(safeRedirectPath(['/equipe'])).toBe('/espace')
    expect(safeRedirectPath(42, '/equipe')).toBe('/equipe')
  })

  it('always gives a value that can go in a Location header', () => {
    for (const input of ['/\u3002', '/é', '/espace?x=\u00e9', '/\u2028', '/\ud83d\ude00']) {
      expect(safeRedirectPath(input)).toMatch(/^[\x21-\x7e]+$/)
    }
  })
})

describe('safeRedirectUrl', () => {
  it('builds on APP_URL whatever the value', () => {
    expect(safeRedirectUrl('/equipe')).toBe(`${APP}/equipe`)
    expect(safeRedirectUrl('https://evil.example/equipe')).toBe(`${APP}/espace`)
  })
})

describe('afterSignInPath', () => {
  it('marks the landing page for the welcome notice, keeping its query and hash', () => {
    expect(afterSignInPath('/candidature/abc?etape=2#pieces')).toBe(
      '/candidature/abc?etape=2&connecte=1#pieces',
    )
    expect(afterSignInPath(`${APP}/equipe`)).toBe('/equipe?connecte=1')
  })
  it('lands on the candidate space when the target is not this site', () => {
    expect(afterSignInPath('https://evil.example/')).toBe('/espace?connecte=1')
    expect(afterSignInPath(undefined)).toBe('/espace?connecte=1')
  })
})
