import { UserFacingError } from '@/lib/errors'
import { detectSeparator, parseCsv, type Separator, type SourceRow } from './csv'
import { decodeText, type TextEncoding } from './decode'
import { recognisedFields } from './mapping'
import { readXlsx } from './xlsx'

// An uploaded student list, CSV or XLSX, as a header row and data rows of text cells.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const MAX_IMPORT_ROWS = 10_000

export type Table = {
  format: 'csv' | 'xlsx'
  encoding: TextEncoding | null
  separator: Separator | null
  headers: string[]
  rows: SourceRow[]
  /** Things the person should check on the preview (accents damaged by a double conversion). */
  warnings: string[]
}

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte)

export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new UserFacingError('Le fichier est vide.')
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new UserFacingError('Le fichier dépasse 5 Mo : découpez la liste par niveau.')
  let table: Omit<Table, 'headers' | 'rows' | 'warnings'> & { all: SourceRow[] }
  const warnings: string[] = []
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const all = await readXlsx(bytes, MAX_IMPORT_ROWS + 10).catch(() => {
      throw new UserFacingError(
        'Ce fichier XLSX ne peut pas être lu. Ouvrez-le dans votre tableur et enregistrez-le à nouveau (.xlsx ou CSV).',
      )
    })
    table = { format: 'xlsx', encoding: null, separator: null, all }
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UserFacingError(
      'Le format .xls (Excel 97-2003) n’est pas lu : enregistrez le fichier en .xlsx ou en CSV.',
    )
  } else {
    const { text, encoding } = decodeText(bytes)
    if (text.includes('\u0000'))
      throw new UserFacingError(
        'Ce fichier n’est pas un tableau lisible (CSV ou XLSX). Exportez la liste en CSV ou en XLSX.',
      )
    if (/\uFFFD|Ã[©¨ª«§ ®¯´¹»]/.test(text))
      warnings.push(
        'Des lettres accentuées semblent abîmées (« Ã© » ou « � » au lieu de « é ») : le fichier a sans doute été converti dans un mauvais encodage. Vérifiez les noms ci-dessous, ou exportez à nouveau la liste.',
      )
    const separator = detectSeparator(text)
    table = { format: 'csv', encoding, separator, all: parseCsv(text, separator) }
  }
  // Some exports put a title above the headers: the header row is the first of the first
  // five that names at least two fields.
  const headerIndex = Math.max(
    0,
    table.all.slice(0, 5).findIndex((row) => recognisedFields(row.cells) >= 2),
  )
  const header = table.all[headerIndex]
  if (!header) throw new UserFacingError('Le fichier ne contient aucune ligne.')
  const rows = table.all.slice(headerIndex + 1)
  if (rows.length === 0) throw new UserFacingError('Le fichier ne contient que des en-têtes.')
  if (rows.length > MAX_IMPORT_ROWS)
    throw new UserFacingError(
      `Le fichier compte plus de ${MAX_IMPORT_ROWS.toLocaleString('fr-FR')} lignes : découpez la liste par niveau.`,
    )
  const width = Math.max(header.cells.length, ...rows.slice(0, 50).map((r) => r.cells.length))
  const headers = Array.from(
    { length: width },
    (_, i) => header.cells[i]?.trim() || `Colonne ${i + 1}`,
  )
  return {
    format: table.format,
    encoding: table.encoding,
    separator: table.separator,
    headers,
    rows,
    warnings,
  }
}
