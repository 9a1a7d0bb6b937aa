'use client'

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type RowSelectionState,
} from '@tanstack/react-table'
import { rankingColumns, type BoardMeta, type BoardRow } from './ranking-columns'

/** The campaign's files in ranking order, selectable, disagreements highlighted. */
export function RankingTable(props: {
  rows: BoardRow[]
  meta: BoardMeta
  selection: RowSelectionState
  onSelectionChange: OnChangeFn<RowSelectionState>
}) {
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.rows,
    columns: rankingColumns,
    meta: props.meta,
    getRowId: (row) => row.id,
    state: { rowSelection: props.selection },
    onRowSelectionChange: props.onSelectionChange,
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: true,
  })
  if (props.rows.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
        Aucune candidature déposée pour cette campagne.
      </p>
    )
  return (
    <div
      className="w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-700"
      tabIndex={0}
      role="region"
      aria-label="Classement des candidatures"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Classement des candidatures</caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className="px-3 py-2 font-semibold whitespace-nowrap"
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-200">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={row.original.disagreement ? 'bg-red-50 align-top' : 'align-top'}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
