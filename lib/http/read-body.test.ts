import { describe, expect, it } from 'vitest'
import { readBodyWithLimit } from './read-body'

const streamOf = (...chunks: number[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(1))
      controller.close()
    },
  })

describe('reading a request body with a limit', () => {
  it('returns every byte of a body within the limit, in order', async () => {
    const body = await readBodyWithLimit(streamOf(3, 4), 7)
    expect(body?.byteLength).toBe(7)
  })

  it('gives up as soon as the body grows past the limit', async () => {
    expect(await readBodyWithLimit(streamOf(4, 4), 7)).toBeNull()
  })

  it('treats a missing body as empty', async () => {
    expect((await readBodyWithLimit(null, 10))?.byteLength).toBe(0)
  })
})
