import { describe, expect, it } from 'vitest'
import { contentDisposition } from './content-disposition'

describe('download header', () => {
  it('cannot be broken by quotes or line breaks in a name (no header injection)', () => {
    const header = contentDisposition('a"\r\nX-Evil: 1.pdf')
    expect(header).not.toMatch(/[\r\n]/)
    expect(header).toBe(
      `attachment; filename="a_X-Evil: 1.pdf"; filename*=UTF-8''a%22X-Evil%3A%201.pdf`,
    )
    expect(contentDisposition('a\\b%41.pdf')).toBe(
      `attachment; filename="a_b_41.pdf"; filename*=UTF-8''a%5Cb%2541.pdf`,
    )
  })

  it('encodes a non-ASCII name in UTF-8, with an accent-free ASCII fallback', () => {
    expect(contentDisposition('relevé de notes é.pdf', 'inline')).toBe(
      `inline; filename="releve de notes e.pdf"; filename*=UTF-8''relev%C3%A9%20de%20notes%20%C3%A9.pdf`,
    )
    expect(contentDisposition('candidatures-é"2026.csv')).toBe(
      `attachment; filename="candidatures-e_2026.csv"; filename*=UTF-8''candidatures-%C3%A9%222026.csv`,
    )
    expect(contentDisposition('简历.pdf')).toBe(
      `attachment; filename="__.pdf"; filename*=UTF-8''%E7%AE%80%E5%8E%86.pdf`,
    )
  })

  it('percent-encodes the characters RFC 5987 forbids in filename* that encodeURIComponent keeps', () => {
    expect(contentDisposition("l'an (2024)*.pdf")).toBe(
      `attachment; filename="l'an (2024)*.pdf"; filename*=UTF-8''l%27an%20%282024%29%2A.pdf`,
    )
  })

  it('survives a name with a lone surrogate, which encodeURIComponent would throw on', () => {
    expect(contentDisposition('a\uD800.pdf')).toBe(
      `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`,
    )
  })

  it('drops invisible characters such as a right-to-left override, and names an empty name', () => {
    expect(contentDisposition('cv\u202efdp.exe')).toBe(
      `attachment; filename="cvfdp.exe"; filename*=UTF-8''cvfdp.exe`,
    )
    expect(contentDisposition(' \t\u200b ')).toBe(
      `attachment; filename="document"; filename*=UTF-8''document`,
    )
  })
})
