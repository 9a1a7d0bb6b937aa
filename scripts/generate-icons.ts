// Regenerates the PNG and ICO fallbacks of the site icon from app/icon.svg (the one source):
// `npx tsx scripts/generate-icons.ts`, then commit the files. sharp comes with Next.js.
import { readFileSync, writeFileSync } from 'node:fs'
import sharp from 'sharp'

const svg = readFileSync('app/icon.svg')
const png = (size: number) =>
  sharp(svg, { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png()
    .toBuffer()

/** An .ico holding PNG images (supported by every browser since Windows Vista's format). */
function ico(images: { size: number; data: Buffer }[]) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)])
}

const [p16, p32, p48] = await Promise.all([png(16), png(32), png(48)])
writeFileSync(
  'app/favicon.ico',
  ico([
    { size: 16, data: p16! },
    { size: 32, data: p32! },
    { size: 48, data: p48! },
  ]),
)
writeFileSync('app/apple-icon.png', await png(180))
writeFileSync('public/icons/icon-192.png', await png(192))
writeFileSync('public/icons/icon-512.png', await png(512))
// A maskable variant keeps the drawing inside the central safe zone (80 %) on a full-bleed background.
const maskable = await sharp({
  create: { width: 512, height: 512, channels: 4, background: '#1e40af' },
})
  .composite([{ input: await png(400), top: 56, left: 56 }])
  .png()
  .toBuffer()
writeFileSync('public/icons/icon-maskable-512.png', maskable)
