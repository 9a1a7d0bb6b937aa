import type { Executor } from '@/db'
import type { ListParams } from '@/lib/admissions/list-params'
import type { StaffScope } from '@/lib/auth/staff-context'
import type { Cell } from './cells'
import {
  applicationExportColumns,
  exportColumnKeys,
  type ExportColumn,
  type ExportColumnKey,
} from './export-columns'
import { exportContext } from './export-context'
import { exportRows, type ExportLookup } from './export-rows'

const columnByKey = new Map<string, ExportColumn>(applicationExportColumns.map((c) => [c.key, c]))

/**
 * The filtered view as a header and rows, one row per application, with the columns chosen
 * (all by default). Rows are read in batches with only what the
 * chosen columns need: an export never holds the whole table.
 */
export async function* applicationExport(
  db: Executor,
  scope: StaffScope,
  params: ListParams,
  columns: readonly ExportColumnKey[] = exportColumnKeys,
): AsyncGenerator<Cell[]> {
  const selected = columns.map((key) => columnByKey.get(key)!)
  const ctx = await exportContext(db, scope, params)
  yield selected.flatMap((c) => c.headers(ctx))
  const lookups = new Set<ExportLookup>(selected.flatMap((c) => c.lookups))
  for await (const batch of exportRows(db, scope, params, ctx, lookups))
    for (const row of batch) {
      const cells: Cell[] = []
      for (const column of selected) for (const cell of column.cells(row, ctx)) cells.push(cell)
      yield cells
    }
}
