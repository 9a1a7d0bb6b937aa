import type { CellValue, Workbook } from 'exceljs'
import type { SourceRow } from './csv'

// The first worksheet of an XLSX file as text cells. exceljs is loaded on first use only (it
// is a large library, kept out of the server bundle by next.config.ts's external packages).

const pad = (n: number) => String(n).padStart(2, '0')

/** A cell as the person sees it: dates as dd/mm/yyyy, formulas by their result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date)
    // exceljs reads a date cell as midnight UTC of that calendar day.
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText((value.result ?? null) as CellValue)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<SourceRow[]> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook: Workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const rows: SourceRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length > maxRows) return
    const cells: string[] = []
    // row.values is 1-based (index 0 is empty).
    const values = row.values as CellValue[]
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null).trim())
    if (cells.some((c) => c !== '')) rows.push({ line: row.number, cells })
  })
  return rows
}
