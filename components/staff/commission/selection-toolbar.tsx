'use client'

import { useState } from 'react'
import {
  assignReviewerAction,
  enterDecisionsAction,
  startReviewAction,
} from '@/app/(equipe)/equipe/campagnes/[id]/commission/actions'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import type { RunBoardAction } from './use-board-action'

type Person = { id: string; label: string }

/**
 * What can be done to the selected files: assign them, start their review, download their
 * documents (management), enter one decision for all of them (commission).
 */
export function SelectionToolbar(props: {
  campaignId: string
  /** Every file's id in ranking order: waiting-list ranks follow it. */
  rankedIds: string[]
  selected: string[]
  clearSelection: () => void
  reviewers: Person[]
  motivations: Person[]
  can: { manage: boolean; enter: boolean }
  run: RunBoardAction
  pending: boolean
}) {
  const { selected, pending, run } = props
  const [reviewerId, setReviewerId] = useState('')
  const [outcome, setOutcome] = useState<'' | 'admitted' | 'waitlisted' | 'rejected'>('')
  const [motivationId, setMotivationId] = useState('')
  const [motivationText, setMotivationText] = useState('')
  return (
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
                () => startReviewAction({ campaignId: props.campaignId, applicationIds: selected }),
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
                const ordered = props.rankedIds.filter((id) => selected.includes(id))
                const result = await enterDecisionsAction({
                  campaignId: props.campaignId,
                  applicationIds: ordered,
                  outcome: outcome as 'admitted',
                  motivationId,
                  motivationText,
                })
                if (result.ok) props.clearSelection()
                return result
              }, 'Décisions enregistrées (non publiées).')
            }
          >
            Enregistrer la décision
          </Button>
        </>
      ) : null}
    </div>
  )
}
