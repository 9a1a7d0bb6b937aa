import { PassThrough } from 'node:stream'
import { ZipArchive } from 'archiver'
import { csvLine, neutralizeCell, type Cell } from './cells'
import { rowXml, SHEET_PATH, sheetEnd, sheetStart, workbookParts } from './xlsx-sheet'

/** CSV with a BOM (Excel then reads UTF-8), produced row by row as the client reads. */
export function csvStream(rows: AsyncIterable<Cell[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = rows[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode('\uFEFF'))
      }
      // Rows go out in chunks of about 64 KB: one write per row would cost more than the row.
      let chunk = ''
      while (chunk.length < 65_536) {
        const next = await iterator.next()
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk))
          controller.close()
          return
        }
        chunk += csvLine(next.value)
      }
      controller.enqueue(encoder.encode(chunk))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

/** Waits until `stream` wants more, or `output` (the client's side) has closed. */
function drainedOrClosed(stream: PassThrough, output: PassThrough) {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done)
      output.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    output.on('close', done)
  })
}

/**
 * XLSX written row by row into a zip as the client reads (lib/reporting/xlsx-sheet.ts): the
 * sheet's XML goes out in chunks of about 64 KB, and the loop waits whenever the zip has not
 * taken the last one, so a slow download holds the database cursor back, not the memory.
 */
export function xlsxStream(
  rows: AsyncIterable<Cell[]>,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  // archiver buffers 1 MB per stage by default; less keeps the waiting below meaningful.
  const archive = new ZipArchive({ zlib: { level: 6 }, highWaterMark: 64 * 1024 })
  const sheet = new PassThrough()
  archive.on('error', (error) => output.destroy(error))
  archive.pipe(output)
  for (const [name, xml] of workbookParts(sheetName)) archive.append(xml, { name })
  archive.append(sheet, { name: SHEET_PATH })
  // Resolves false once the zip may take more, true when the client has gone away.
  const written = async (chunk: string) => {
    if (!sheet.write(chunk) && !output.destroyed) await drainedOrClosed(sheet, output)
    return output.destroyed
  }
  void (async () => {
    try {
      let chunk = sheetStart
      let number = 0
      for await (const row of rows) {
        number++
        chunk += rowXml(number, row.map(neutralizeCell), number === 1)
        if (chunk.length >= 65_536) {
          if (await written(chunk)) {
            archive.abort()
            return
          }
          chunk = ''
        }
      }
      await written(chunk + sheetEnd)
      sheet.end()
      await archive.finalize()
    } catch (error) {
      output.destroy(error as Error)
    }
  })()
  return pullFrom(output)
}

// Readable.toWeb reads the Node stream as fast as it produces (Node 20), which would undo the
// waiting above: this web stream reads one chunk each time the client asks for one.
function pullFrom(output: PassThrough): ReadableStream<Uint8Array> {
  const chunks = output[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else
        controller.enqueue(
          new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength),
        )
    },
    async cancel() {
      await chunks.return?.()
    },
  })
}
