import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { csvLine, neutralizeCell, type Cell } from './cells'

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

const XLSX_CHECK_EVERY = 200

/** Resolves once the client has read what is waiting, or has gone away (then true). */
async function clientCaughtUp(output: PassThrough): Promise<boolean> {
  // Let the zip and deflate stages move what was committed into the output first.
  await new Promise((resolve) => setImmediate(resolve))
  while (output.writableNeedDrain && !output.destroyed)
    await Promise.race([once(output, 'drain'), once(output, 'close')])
  return output.destroyed
}

/**
 * XLSX through exceljs's streaming writer: rows are committed to the zip as they come. The
 * writer itself buffers without limit, so every few rows the loop waits for the client to
 * read what is waiting: a slow download holds the database cursor back, not the memory.
 */
export function xlsxStream(
  rows: AsyncIterable<Cell[]>,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  void (async () => {
    try {
      let first = true
      let count = 0
      for await (const row of rows) {
        const added = sheet.addRow(row.map((cell) => neutralizeCell(cell) ?? null))
        if (first) added.font = { bold: true }
        first = false
        added.commit()
        if (++count % XLSX_CHECK_EVERY === 0 && (await clientCaughtUp(output))) return
      }
      sheet.commit()
      await workbook.commit()
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
