import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { displayName, formatBytes, inspectUpload, storedFileKey } from './document-file'

const pdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

// A real 1×1 PNG, built chunk by chunk (signature, IHDR, IDAT, IEND, each with its CRC).
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0) // width
  header.writeUInt32BE(1, 4) // height
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
// SOI, a JFIF APP0 segment, EOI.
const jpeg = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
])
const all = ['pdf', 'jpeg', 'png'] as const
const MB = 1024 * 1024

describe('inspecting an upload', () => {
  it('recognises PDF, PNG and JPEG from their bytes, with the stored MIME type and extension', async () => {
    expect(
      await inspectUpload(pdf, { allowed: all, maxBytes: MB, originalName: 'notes.pdf' }),
    ).toEqual({
      ok: true,
      format: 'pdf',
      mime: 'application/pdf',
      extension: 'pdf',
      size: pdf.byteLength,
      displayName: 'notes.pdf',
    })
    expect(
      await inspectUpload(png(), { allowed: all, maxBytes: MB, originalName: 'photo.png' }),
    ).toMatchObject({ ok: true, format: 'png', mime: 'image/png', extension: 'png' })
    expect(
      await inspectUpload(jpeg, { allowed: all, maxBytes: MB, originalName: 'IMG_0001.JPG' }),
    ).toMatchObject({
      ok: true,
      format: 'jpeg',
      mime: 'image/jpeg',
      extension: 'jpg',
      displayName: 'IMG_0001.jpg',
    })
  })

  it('refuses an HTML page renamed .pdf, whatever its name says', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>')
    const result = await inspectUpload(html, {
      allowed: ['pdf'],
      maxBytes: MB,
      originalName: 'releve.pdf',
    })
    expect(result).toEqual({
      ok: false,
      message: 'Ce fichier n’est pas un PDF, JPEG ou PNG valide (formats acceptés : PDF).',
    })
  })

  it('refuses a known type that is not a document format (a ZIP named .pdf)', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)])
    expect(
      await inspectUpload(zip, { allowed: all, maxBytes: MB, originalName: 'notes.pdf' }),
    ).toEqual({
      ok: false,
      message:
        'Ce fichier n’est pas un PDF, JPEG ou PNG valide (formats acceptés : PDF, JPEG, PNG).',
    })
  })

  it('refuses a real image where only PDF is accepted, naming what it is and the accepted formats', async () => {
    const result = await inspectUpload(png(), {
      allowed: ['pdf'],
      maxBytes: MB,
      originalName: 'scan.pdf',
    })
    expect(result).toEqual({
      ok: false,
      message:
        'Ce fichier est un PNG, qui n’est pas accepté pour cette pièce (formats acceptés : PDF).',
    })
  })

  it('refuses a file over the size limit, saying both sizes in French', async () => {
    const big = new Uint8Array(12.3 * MB)
    big.set(pdf)
    expect(
      await inspectUpload(big, { allowed: all, maxBytes: 5 * MB, originalName: 'gros.pdf' }),
    ).toEqual({ ok: false, message: 'Ce fichier pèse 12,3 Mo ; la taille maximale est 5 Mo.' })
  })

  it('says "un peu plus de" when the file rounds to the limit itself', async () => {
    const justOver = new Uint8Array(5 * MB + 1)
    justOver.set(pdf)
    expect(
      await inspectUpload(justOver, { allowed: all, maxBytes: 5 * MB, originalName: 'x.pdf' }),
    ).toEqual({
      ok: false,
      message: 'Ce fichier pèse un peu plus de 5 Mo ; la taille maximale est 5 Mo.',
    })
    const atLimit = new Uint8Array(5 * MB)
    atLimit.set(pdf)
    expect(
      await inspectUpload(atLimit, { allowed: all, maxBytes: 5 * MB, originalName: 'x.pdf' }),
    ).toMatchObject({ ok: true })
  })

  it('refuses an empty file', async () => {
    expect(
      await inspectUpload(new Uint8Array(), {
        allowed: all,
        maxBytes: MB,
        originalName: 'vide.pdf',
      }),
    ).toEqual({ ok: false, message: 'Ce fichier est vide.' })
  })
})

describe('displayed file names', () => {
  it('keeps only the last part of a path-like name, Unix or Windows', () => {
    expect(displayName('../../etc/passwd', 'pdf')).toBe('passwd.pdf')
    expect(displayName('C:\\Users\\x\\cv.pdf', 'pdf')).toBe('cv.pdf')
    expect(displayName('C:\\Users\\léa\\cv final.pdf', 'pdf')).toBe('cv final.pdf')
  })

  it('removes control and invisible characters, and collapses whitespace', () => {
    expect(displayName('a\u0000b\r\nc.pdf', 'pdf')).toBe('abc.pdf')
    expect(displayName('  mes \t  notes   .pdf', 'pdf')).toBe('mes notes.pdf')
    expect(displayName('cv\u202Efdp.exe', 'pdf')).toBe('cvfdp.exe.pdf')
    expect(displayName('a\uD800b.pdf', 'pdf')).toBe('ab.pdf')
  })

  it('shows the detected extension, whatever the name claimed', () => {
    expect(displayName('scan.PNG', 'pdf')).toBe('scan.pdf')
    expect(displayName('photo.jpeg', 'jpg')).toBe('photo.jpg')
    expect(displayName('rapport.v2', 'pdf')).toBe('rapport.v2.pdf')
    expect(displayName('page.html', 'pdf')).toBe('page.html.pdf')
  })

  it('falls back to document.<ext> when nothing is left', () => {
    expect(displayName('...', 'png')).toBe('document.png')
    expect(displayName('', 'pdf')).toBe('document.pdf')
    expect(displayName('dossier/', 'pdf')).toBe('document.pdf')
    expect(displayName('.pdf', 'pdf')).toBe('document.pdf')
  })

  it('caps names at 120 characters without cutting a character in half', () => {
    expect(displayName('x'.repeat(300) + '.pdf', 'pdf')).toBe('x'.repeat(116) + '.pdf')
    const emoji = displayName('😀'.repeat(200) + '.png', 'png')
    expect(Array.from(emoji)).toHaveLength(120)
    expect(emoji.isWellFormed()).toBe(true)
  })
})

describe('stored file keys', () => {
  const e = '0b6f2f8e-1a2b-4c3d-8e5f-0123456789ab'
  const a = '1c7a3f9e-2b3c-4d4e-9f60-123456789abc'

  it('are generated: establishment, owner (the application), 16 random bytes and the detected extension', () => {
    const key = storedFileKey({ establishmentId: e, ownerId: a, ext: 'pdf' })
    expect(key).toMatch(new RegExp(`^${e}/${a}/[0-9a-f]{32}\\.pdf$`))
    expect(storedFileKey({ establishmentId: e, ownerId: a, ext: 'pdf' })).not.toBe(key)
  })

  it('refuse ids that are not uuids and extensions that are not document extensions', () => {
    expect(() => storedFileKey({ establishmentId: '../x', ownerId: a, ext: 'pdf' })).toThrow(
      /establishment/,
    )
    expect(() => storedFileKey({ establishmentId: e, ownerId: `${a}/..`, ext: 'pdf' })).toThrow(
      /owner/,
    )
    expect(() => storedFileKey({ establishmentId: e, ownerId: a, ext: 'p/df' })).toThrow(
      /extension/,
    )
    expect(() => storedFileKey({ establishmentId: e, ownerId: a, ext: 'html' })).toThrow(
      /extension/,
    )
  })
})

describe('sizes in French', () => {
  it('uses octets, Ko and Mo with a decimal comma', () => {
    expect(formatBytes(512)).toBe('512 octets')
    expect(formatBytes(850 * 1024)).toBe('850 Ko')
    expect(formatBytes(12.3 * MB)).toBe('12,3 Mo')
  })
})
