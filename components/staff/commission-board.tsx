'use client'

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
} from '@tanstack/react-table'
import Link from 'next/link'
import { useState, useTransition } from 'react'
import {
  assignEvenlyAction,
  assignReviewerAction,
  enterDecisionsAction,
  publishDecisionsAction,
  startReviewAction,
  unassignReviewerAction,
} from '@/app/(equipe)/equipe/campagnes/[id]/commission/actions'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { toast } from '@/components/ui/toast'
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
type Person = { id: string; label: string }
type Preview = { outcome: string; subject: string; html: string }

const column = createColumnHelper<BoardRow>()
type BoardMeta = {
  canManage: boolean
  pending: boolean
  unassign: (applicationId: string, reviewerId: string) => void
}
const mark = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('fr-FR', { maximumFractionDigits: 2 })

const columns = [
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

function useRun() {
  const [pending, start] = useTransition()
  const [error, setError] = useState<string>()
  const run = (
    action: () => Promise<{
      ok: boolean
      formError?: string
      fieldErrors?: Record<string, string[] | undefined>
    }>,
    success: string,
  ) =>
    start(async () => {
      const result = await action()
      if (!result.ok) {
        const first = Object.values(result.fieldErrors ?? {}).flat()[0]
        setError([result.formError, first].filter(Boolean).join(' '))
        return
      }
      setError(undefined)
      toast.success(success)
    })
  return { pending, error, run }
}

export function CommissionBoard(props: {
  campaignId: string
  rows: BoardRow[]
  reviewers: Person[]
  motivations: Person[]
  pendingCount: number
  previews: Preview[]
  can: { manage: boolean; enter: boolean; publish: boolean }
}) {
  const [selection, setSelection] = useState<RowSelectionState>({})
  const { pending, error, run } = useRun()
  const meta: BoardMeta = {
    canManage: props.can.manage,
    pending,
    unassign: (applicationId, reviewerId) =>
      run(
        () => unassignReviewerAction({ campaignId: props.campaignId, applicationId, reviewerId }),
        'Examinateur retiré du dossier.',
      ),
  }
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.rows,
    columns,
    meta,
    getRowId: (row) => row.id,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: true,
  })
  const selected = Object.keys(selection).filter((id) => selection[id])
  const [reviewerId, setReviewerId] = useState('')
  const [outcome, setOutcome] = useState<'' | 'admitted' | 'waitlisted' | 'rejected'>('')
  const [motivationId, setMotivationId] = useState('')
  const [motivationText, setMotivationText] = useState('')
  const [evenReviewers, setEvenReviewers] = useState<string[]>(props.reviewers.map((r) => r.id))
  const [perFile, setPerFile] = useState('1')
  const [publishing, setPublishing] = useState(false)
  const clear = () => setSelection({})

  return (
    <div className="space-y-4">
      {props.can.manage ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">
            Répartir les dossiers entre examinateurs
          </summary>
          <form
            className="mt-3 space-y-3"
            onSubmit={(event) => {
              event.preventDefault()
              run(
                () =>
                  assignEvenlyAction({
                    campaignId: props.campaignId,
                    reviewerIds: evenReviewers,
                    perFile,
                  }),
                'Dossiers répartis.',
              )
            }}
          >
            <fieldset>
              <legend className="text-sm font-semibold">Examinateurs</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {props.reviewers.map((r) => (
                  <label key={r.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-700"
                      checked={evenReviewers.includes(r.id)}
                      onChange={(e) =>
                        setEvenReviewers((list) =>
                          e.target.checked ? [...list, r.id] : list.filter((id) => id !== r.id),
                        )
                      }
                    />
                    {r.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <label htmlFor="per-file" className="block text-sm font-semibold">
                  Examens par dossier
                </label>
                <Input
                  id="per-file"
                  type="number"
                  min={1}
                  max={5}
                  className="w-24"
                  value={perFile}
                  onChange={(e) => setPerFile(e.target.value)}
                />
              </div>
              <Button type="submit" size="sm" pending={pending}>
                Répartir équitablement
              </Button>
            </div>
            <p className="text-sm text-slate-600">
              Les dossiers en cours d’instruction sont confiés aux examinateurs les moins chargés ;
              les affectations existantes sont gardées.
            </p>
          </form>
        </details>
      ) : null}

      <FormError message={error} />

      <div
        role="toolbar"
        aria-label="Actions sur la sélection"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      >
        <p className="text-sm font-medium" aria-live="polite">
          {selected.length} sélectionnée{selected.length > 1 ? 's' : ''}
        </p>
        {props.can.manage ? (
          <>
            <div className="space-y-1">
              <label htmlFor="assign-to" className="block text-xs font-semibold">
                Confier à
              </label>
              <Select
                id="assign-to"
                value={reviewerId}
                onChange={(e) => setReviewerId(e.target.value)}
                className="h-9"
              >
                <option value="">Choisir…</option>
                {props.reviewers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </Select>
            </div>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              disabled={!selected.length || !reviewerId}
              pending={pending}
              onClick={() =>
                run(
                  () =>
                    assignReviewerAction({
                      campaignId: props.campaignId,
                      applicationIds: selected,
                      reviewerId,
                    }),
                  'Dossiers confiés.',
                )
              }
            >
              Confier
            </Button>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              disabled={!selected.length}
              pending={pending}
              onClick={() =>
                run(
                  () =>
                    startReviewAction({ campaignId: props.campaignId, applicationIds: selected }),
                  'Dossiers mis en examen.',
                )
              }
            >
              Mettre en examen
            </Button>
            <form method="post" action="/api/exports/pieces">
              <input type="hidden" name="candidatures" value={selected.join(',')} />
              <Button type="submit" variant="secondary" size="sm" disabled={!selected.length}>
                Pièces (ZIP)
              </Button>
            </form>
          </>
        ) : null}
        {props.can.enter ? (
          <>
            <div className="space-y-1">
              <label htmlFor="bulk-outcome" className="block text-xs font-semibold">
                Décision
              </label>
              <Select
                id="bulk-outcome"
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as typeof outcome)}
                className="h-9"
              >
                <option value="">Choisir…</option>
                <option value="admitted">Favorable</option>
                <option value="waitlisted">Liste d’attente (dans l’ordre du classement)</option>
                <option value="rejected">Défavorable</option>
              </Select>
            </div>
            {outcome === 'rejected' ? (
              <>
                <div className="space-y-1">
                  <label htmlFor="bulk-motivation" className="block text-xs font-semibold">
                    Motif
                  </label>
                  <Select
                    id="bulk-motivation"
                    value={motivationId}
                    onChange={(e) => setMotivationId(e.target.value)}
                    className="h-9 max-w-xs"
                  >
                    <option value="">Choisir…</option>
                    {props.motivations.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.label}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="space-y-1">
                  <label htmlFor="bulk-motivation-text" className="block text-xs font-semibold">
                    Précisions (facultatif)
                  </label>
                  <Input
                    id="bulk-motivation-text"
                    value={motivationText}
                    onChange={(e) => setMotivationText(e.target.value)}
                    className="h-9"
                  />
                </div>
              </>
            ) : null}
            <Button
              type="button"
              size="sm"
              disabled={!selected.length || !outcome}
              pending={pending}
              onClick={() =>
                run(async () => {
                  // Waiting-list ranks follow the ranking: send the selection in table order.
                  const ordered = props.rows.map((r) => r.id).filter((id) => selected.includes(id))
                  const result = await enterDecisionsAction({
                    campaignId: props.campaignId,
                    applicationIds: ordered,
                    outcome: outcome as 'admitted',
                    motivationId,
                    motivationText,
                  })
                  if (result.ok) clear()
                  return result
                }, 'Décisions enregistrées (non publiées).')
              }
            >
              Enregistrer la décision
            </Button>
          </>
        ) : null}
      </div>

      {props.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          Aucune candidature déposée pour cette campagne.
        </p>
      ) : (
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
      )}

      {props.can.publish && props.pendingCount > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <p>
            <strong>{props.pendingCount}</strong> décision{props.pendingCount > 1 ? 's' : ''} saisie
            {props.pendingCount > 1 ? 's' : ''}, non publiée{props.pendingCount > 1 ? 's' : ''}.
          </p>
          <Button type="button" onClick={() => setPublishing(true)}>
            Prévisualiser et publier
          </Button>
          <Dialog
            open={publishing}
            onClose={() => setPublishing(false)}
            title={`Publier ${props.pendingCount} décision${props.pendingCount > 1 ? 's' : ''}`}
          >
            <p className="text-sm">
              Chaque candidat recevra cet e-mail, avec la lettre de décision en PDF. La publication
              est définitive.
            </p>
            <div
              className="max-h-[50vh] space-y-4 overflow-y-auto"
              tabIndex={0}
              role="region"
              aria-label="Aperçus des e-mails de décision"
            >
              {props.previews.map((p) => (
                <div key={p.outcome}>
                  <p className="text-sm">
                    <strong>{p.outcome}</strong> — objet : {p.subject}
                  </p>
                  <iframe
                    title={`Aperçu : ${p.outcome}`}
                    srcDoc={p.html}
                    sandbox=""
                    className="h-64 w-full rounded border border-slate-200"
                  />
                </div>
              ))}
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                pending={pending}
                onClick={() =>
                  run(async () => {
                    const result = await publishDecisionsAction({ campaignId: props.campaignId })
                    if (result.ok) setPublishing(false)
                    return result
                  }, 'Décisions publiées : les candidats sont prévenus.')
                }
              >
                Publier et envoyer
              </Button>
              <Button type="button" variant="ghost" onClick={() => setPublishing(false)}>
                Annuler
              </Button>
            </div>
            <FormError message={error} />
          </Dialog>
        </div>
      ) : null}
    </div>
  )
}
