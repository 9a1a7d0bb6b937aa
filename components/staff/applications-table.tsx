'use client'

import { stateLabels, stateTone, type ApplicationState } from '@/lib/admissions/application-status'
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { Badge } from '@/components/ui/badge'
import { listQuery, sortKeys, type ListParams, type SortKey } from '@/lib/admissions/list-params'
import { applicationColumnLabels, applicationsCaption } from './applications-table-labels'

export type TableRow = {
  id: string
  name: string
  email: string
  programmeName: string
  diploma: string
  status: ApplicationState
  submittedAt: string | null
  received: number
  required: number
}

const column = createColumnHelper<TableRow>()

// Columns whose header sorts are named as the server's allowlisted sort keys.
const isSortKey = (id: string): id is SortKey => (sortKeys as readonly string[]).includes(id)

const columns = [
  column.accessor('name', {
    header: applicationColumnLabels.name,
    cell: (info) => (
      <div>
        <Link
          href={`/equipe/candidatures/${info.row.original.id}`}
          className="font-medium text-brand-700 underline"
        >
          {info.getValue()}
        </Link>
        <p className="text-xs break-all text-slate-600">{info.row.original.email}</p>
      </div>
    ),
  }),
  column.accessor('programmeName', {
    header: applicationColumnLabels.programmeName,
    enableSorting: false,
  }),
  column.accessor('diploma', { header: applicationColumnLabels.diploma, enableSorting: false }),
  column.accessor('status', {
    header: applicationColumnLabels.status,
    cell: (info) => <Badge tone={stateTone[info.getValue()]}>{stateLabels[info.getValue()]}</Badge>,
  }),
  column.accessor('submittedAt', {
    header: applicationColumnLabels.submittedAt,
    cell: (info) => info.getValue() ?? '—',
  }),
  column.accessor('received', {
    header: applicationColumnLabels.received,
    cell: (info) => {
      const { received, required } = info.row.original
      return (
        <Badge
          tone={received >= required ? 'success' : 'warning'}
        >{`${received}/${required} reçue${received > 1 ? 's' : ''}`}</Badge>
      )
    },
  }),
]

/** The staff table: rendering by TanStack Table, state (sort, page) in the URL, work in the database. */
export function ApplicationsTable({ rows, params }: { rows: TableRow[]; params: ListParams }) {
  const router = useRouter()
  const activeColumn: SortKey = params.sort
  const sorting: SortingState = [{ id: activeColumn, desc: params.direction === 'desc' }]
  // TanStack Table returns fresh functions by design; the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      const first = next[0]
      if (first && isSortKey(first.id))
        router.push(
          `/equipe/candidatures${listQuery(params, { sort: first.id, direction: first.desc ? 'desc' : 'asc', page: 1 })}`,
        )
    },
  })
  return (
    // Focusable so that it scrolls sideways from the keyboard on a phone.
    <div
      className="w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-700"
      tabIndex={0}
      role="region"
      aria-label="Candidatures"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">
          {applicationsCaption({ column: activeColumn, desc: params.direction === 'desc' })}
        </caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="px-3 py-2 font-semibold whitespace-nowrap"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-200">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="align-top">
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
