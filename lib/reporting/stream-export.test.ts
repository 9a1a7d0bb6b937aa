import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Cell } from './cells'
import { csvStream, xlsxStream } from './stream-export'

async function* rows(count: number): AsyncGenerator<Cell[]> {
  yield ['Nom', 'Ville']
  for (let i = 0; i < count; i++) yield [`Candidat ${i}`, 'Toulouse']
}

async function read(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
  }
  return { chunks, text: Buffer.concat(chunks).toString('utf8') }
}

describe('streamed CSV', () => {
  it('writes a BOM, the header and every row, in order', async () => {
    const { text } = await read(csvStream(rows(3)))
    expect(text).toBe(
      '\uFEFFNom;Ville\r\nCandidat 0;Toulouse\r\nCandidat 1;Toulouse\r\nCandidat 2;Toulouse\r\n',
    )
  })

  it('sends many rows in a few large chunks rather than one write per row', async () => {
    const { chunks, text } = await read(csvStream(rows(20_000)))
    expect(text.split('\r\n')).toHaveLength(20_002)
    expect(chunks.length).toBeLessThan(20)
  })
})

describe('streamed XLSX', () => {
  // Reading 30,000 rows back with exceljs takes seconds on a busy machine: more than the default 5 s.
  it(
    'stops pulling rows while the client does not read, then finishes a valid workbook',
    { timeout: 30_000 },
    async () => {
      const total = 30_000
      let pulled = 0
      async function* counted(): AsyncGenerator<Cell[]> {
        yield ['Nom', 'Ville', 'Numéro']
        for (let i = 0; i < total; i++) {
          pulled++
          yield [
            `Candidat ${i} ${Math.random().toString(36)}`,
            `Ville ${Math.random().toString(36)}`,
            i,
          ]
        }
      }
      const stream = xlsxStream(counted(), 'Candidatures')
      // Nobody reads: the writer fills the buffers, then waits.
      let previous = -1
      while (pulled !== previous) {
        previous = pulled
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
      expect(pulled).toBeLessThan(total)
      const { chunks } = await read(stream)
      expect(pulled).toBe(total)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
      const sheet = workbook.getWorksheet('Candidatures')!
      expect(sheet.rowCount).toBe(total + 1)
      expect(sheet.getRow(total + 1).getCell(3).value).toBe(total - 1)
    },
  )
})
