import { describe, expect, it } from 'vitest'
import { LOGO_MAX_BYTES, logoContentType } from './logo'
import { inspectLogo } from './logo-upload'

const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
)
const text = (value: string) => new TextEncoder().encode(value)

describe('logo uploads', () => {
  it('accepts a PNG by its bytes, and a plain SVG drawing', async () => {
    expect(await inspectLogo(png)).toEqual({ ok: true, extension: 'png' })
    const svg = text(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/></svg>',
    )
    expect(await inspectLogo(svg)).toEqual({ ok: true, extension: 'svg' })
  })

  it('refuses an SVG that could run script or fetch anything outside itself', async () => {
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><image href="https://tracker.example/x.png"/></svg>',
      '<svg><style>@import url(https://x.example/a.css)</style></svg>',
      '<svg><foreignObject><div/></foreignObject></svg>',
    ]) {
      const result = await inspectLogo(text(bad))
      expect(result.ok, bad).toBe(false)
    }
  })

  it('refuses other files, empty files and files over the limit', async () => {
    expect(await inspectLogo(text('%PDF-1.4\n%âãÏÓ\n'))).toMatchObject({
      ok: false,
      message: 'Logo : formats acceptés PNG, JPEG, WebP ou SVG.',
    })
    expect(await inspectLogo(new Uint8Array())).toMatchObject({ ok: false })
    const big = new Uint8Array(LOGO_MAX_BYTES + 1)
    big.set(png)
    expect(await inspectLogo(big)).toMatchObject({ ok: false, message: /taille maximale/ })
  })

  it('serves each stored format with its type', () => {
    expect(logoContentType('logos/a/b.svg')).toBe('image/svg+xml')
    expect(logoContentType('logos/a/b.jpg')).toBe('image/jpeg')
  })
})
