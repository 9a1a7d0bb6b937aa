import { PassThrough, Readable } from 'node:stream'
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

/** XLSX through exceljs's streaming writer: rows are committed to the zip as they come. */
export function xlsxStream(rows: AsyncIterable<Cell[]>, sheetName: string): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  void (async () => {
    try {
      let first = true
      for await (const row of rows) {
        const added = sheet.addRow(row.map((cell) => neutralizeCell(cell) ?? null))
        if (first) added.font = { bold: true }
        first = false
        added.commit()
      }
      sheet.commit()
      await workbook.commit()
    } catch (error) {
      output.destroy(error as Error)
    }
  })()
  return Readable.toWeb(output) as ReadableStream<Uint8Array>
}
