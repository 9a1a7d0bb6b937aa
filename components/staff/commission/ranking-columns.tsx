import { createColumnHelper } from '@tanstack/react-table'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { stateLabels, stateTone, type ApplicationState } from '@/lib/admissions/application-status'

export type BoardRow = {
  id: string
  name: string
  status: ApplicationState
  rank: number | null
  average: number | null
  spread: number | null
  disagreement: boolean
  reviewers: { id: string; label: string; mark: number | null; completed: boolean }[]
  pendingDecision: string | null
  waitlistRank: number | null
}

/** What the cells need from the board: whether assignments can be taken back, and how. */
export type BoardMeta = {
  canManage: boolean
  pending: boolean
  unassign: (applicationId: string, reviewerId: string) => void
}

const column = createColumnHelper<BoardRow>()
const mark = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('fr-FR', { maximumFractionDigits: 2 })

/** The ranking's columns: selection, rank, candidate, state, marks, reviewers, decision entered. */
export const rankingColumns = [
  column.display({
    id: 'select',
    header: ({ table }) => (
      <input
        type="checkbox"
        className="size-4 accent-brand-700"
        aria-label="Tout sélectionner"
        checked={table.getIsAllRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="size-4 accent-brand-700"
        aria-label={`Sélectionner ${row.original.name}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor('rank', { header: 'Rang', cell: (info) => info.getValue() ?? '—' }),
  column.accessor('name', {
    header: 'Candidat',
    cell: (info) => (
      <Link
        href={`/equipe/candidatures/${info.row.original.id}`}
        className="font-medium text-brand-700 underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('status', {
    header: 'Statut',
    cell: (info) => (
      <Badge tone={stateTone[info.getValue()]}>
        {stateLabels[info.getValue()]}
        {info.row.original.waitlistRank && info.getValue() === 'waitlisted'
          ? ` (rang ${info.row.original.waitlistRank})`
          : ''}
      </Badge>
    ),
  }),
  column.accessor('average', {
    header: 'Moyenne /20',
    cell: (info) => <span className="font-semibold">{mark(info.getValue())}</span>,
  }),
  column.accessor('reviewers', {
    header: 'Examinateurs',
    cell: (info) =>
      info.getValue().length === 0 ? (
        <span className="text-slate-600">Aucun</span>
      ) : (
        <ul>
          {info.getValue().map((r) => {
            const meta = info.table.options.meta as BoardMeta | undefined
            return (
              <li key={r.id} className="whitespace-nowrap">
                {r.label} :{' '}
                {r.completed ? mark(r.mark) : <span className="text-slate-600">en cours</span>}
                {meta?.canManage && !r.completed ? (
                  <button
                    type="button"
                    className="ml-2 text-sm font-medium text-brand-700 underline disabled:text-slate-400"
                    disabled={meta.pending}
                    onClick={() => meta.unassign(info.row.original.id, r.id)}
                    aria-label={`Retirer ${r.label} de l’examen de ${info.row.original.name}`}
                  >
                    retirer
                  </button>
                ) : null}
              </li>
            )
          })}
        </ul>
      ),
  }),
  column.accessor('spread', {
    header: 'Écart',
    cell: (info) =>
      info.row.original.disagreement ? (
        <Badge tone="danger" title="Les examinateurs sont en désaccord">
          {mark(info.getValue())} · désaccord
        </Badge>
      ) : (
        mark(info.getValue())
      ),
  }),
  column.accessor('pendingDecision', {
    header: 'Décision saisie',
    cell: (info) => (info.getValue() ? <Badge tone="info">{info.getValue()}</Badge> : '—'),
  }),
]
