import type { Cell } from './cells'

// The SpreadsheetML of a one-sheet workbook, written by hand so that an export of 100,000
// rows × 45 columns costs string concatenation, not a cell object and a style lookup per
// cell (exceljs's streaming writer spent most of an export there). The file is the one
// exceljs wrote: same parts, same cell types ("str" text, numbers, dates as serial numbers
// in the built-in short date format), bold header, first row frozen.

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

// Style indexes in styles.xml's cellXfs.
const BOLD = 1
const DATE = 2

/** The workbook's parts other than the sheet, by path in the zip. */
export function workbookParts(sheetName: string): [string, string][] {
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet sheetId="1" name="${xmlText(sheetName)}" state="visible" r:id="rId2"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
  ]
}

export const SHEET_PATH = 'xl/worksheets/sheet1.xml'

/** The sheet's XML before its rows: the first row stays in view when scrolling. */
export const sheetStart = `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`

export const sheetEnd =
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'

// Characters XML cannot carry (removed) or that must be escaped; the same as exceljs.
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/
const XML_SPECIAL_ALL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g
const ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
}

function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (c) => ENTITIES[c] ?? '') : text
}

const columnNames: string[] = []
/** "A", "B", … "Z", "AA"… for a 0-based column index. */
function columnName(index: number): string {
  let name = columnNames[index]
  if (name === undefined) {
    name = ''
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name
    columnNames[index] = name
  }
  return name
}

const MS_PER_DAY = 24 * 3600 * 1000
// Days from 1899-12-30 (Excel's day 0, 1900 date system) to 1970-01-01.
const EPOCH_DAYS = 25569

/**
 * One `<row>` of the sheet. `number` is 1-based. Empty cells are left out; the header's
 * cells are bold. Values must already be neutralized (no formula injection here).
 */
export function rowXml(number: number, cells: readonly Cell[], header: boolean): string {
  let xml = `<row r="${number}">`
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i]
    if (value === null || value === undefined) continue
    const ref = `${columnName(i)}${number}`
    const style = header ? ` s="${BOLD}"` : ''
    if (typeof value === 'number') xml += `<c r="${ref}"${style}><v>${value}</v></c>`
    else if (value instanceof Date)
      xml += `<c r="${ref}" s="${header ? BOLD : DATE}"><v>${EPOCH_DAYS + value.getTime() / MS_PER_DAY}</v></c>`
    else xml += `<c r="${ref}"${style} t="str"><v>${xmlText(value)}</v></c>`
  }
  return `${xml}</row>`
}
