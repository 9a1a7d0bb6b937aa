// A small RFC 4180 reader: quoted fields (with doubled quotes and line breaks inside), CRLF
// or LF, and the separator Excel chose for the machine's locale (semicolon in France).

export type Separator = ';' | ',' | '\t'

/** The separator found most often outside quotes on the first line. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char in counts) counts[char as Separator]++
  }
  const best = (Object.keys(counts) as Separator[]).sort((a, b) => counts[b] - counts[a])[0]!
  return counts[best] > 0 ? best : ';'
}

/** One row of a table file, with the line it starts on (what error messages cite). */
export type SourceRow = { line: number; cells: string[] }

/** The file's rows as arrays of cells; blank lines are left out. */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): SourceRow[] {
  const rows: SourceRow[] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    row.push(cell)
    cell = ''
    if (row.some((c) => c.trim() !== ''))
      rows.push({ line: rowLine, cells: row.map((c) => c.trim()) })
    row = []
    line++
    rowLine = line
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (char === '\n') line++
        cell += char
      }
    } else if (char === '"' && cell === '') quoted = true
    else if (char === separator) {
      row.push(cell)
      cell = ''
    } else if (char === '\r') {
      if (text[i + 1] === '\n') i++
      endRow()
    } else if (char === '\n') endRow()
    else cell += char
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}
