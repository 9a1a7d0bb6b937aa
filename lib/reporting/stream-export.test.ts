import { describe, expect, it } from 'vitest'
import type { Cell } from './cells'
import { csvStream } from './stream-export'

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
    expect(text).toBe('\uFEFFNom;Ville\r\nCandidat 0;Toulouse\r\nCandidat 1;Toulouse\r\nCandidat 2;Toulouse\r\n')
  })

  it('sends many rows in a few large chunks rather than one write per row', async () => {
    const { chunks, text } = await read(csvStream(rows(20_000)))
    expect(text.split('\r\n')).toHaveLength(20_002)
    expect(chunks.length).toBeLessThan(20)
  })
})
