'use client'

import type { RowSelectionState } from '@tanstack/react-table'
import { useState } from 'react'
import { unassignReviewerAction } from '@/app/(equipe)/equipe/campagnes/[id]/commission/actions'
import { FormError } from '@/components/ui/form-field'
import { AssignEvenlyForm } from './commission/assign-evenly-form'
import { PublishPanel, type DecisionPreview } from './commission/publish-panel'
import type { BoardMeta, BoardRow } from './commission/ranking-columns'
import { RankingTable } from './commission/ranking-table'
import { SelectionToolbar } from './commission/selection-toolbar'
import { useBoardAction } from './commission/use-board-action'

type Person = { id: string; label: string }

/**
 * The commission's board for one campaign: spreading files over reviewers, the ranking with
 * its selection and what can be done to it, and the publication of entered decisions. One
 * action runs at a time and its error shows above the table.
 */
export function CommissionBoard(props: {
  campaignId: string
  rows: BoardRow[]
  reviewers: Person[]
  motivations: Person[]
  pendingCount: number
  previews: DecisionPreview[]
  can: { manage: boolean; enter: boolean; publish: boolean }
}) {
  const [selection, setSelection] = useState<RowSelectionState>({})
  const { pending, error, run } = useBoardAction()
  const meta: BoardMeta = {
    canManage: props.can.manage,
    pending,
    unassign: (applicationId, reviewerId) =>
      run(
        () => unassignReviewerAction({ campaignId: props.campaignId, applicationId, reviewerId }),
        'Examinateur retiré du dossier.',
      ),
  }
  const selected = Object.keys(selection).filter((id) => selection[id])

  return (
    <div className="space-y-4">
      {props.can.manage ? (
        <AssignEvenlyForm
          campaignId={props.campaignId}
          reviewers={props.reviewers}
          run={run}
          pending={pending}
        />
      ) : null}

      <FormError message={error} />

      <SelectionToolbar
        campaignId={props.campaignId}
        rankedIds={props.rows.map((r) => r.id)}
        selected={selected}
        clearSelection={() => setSelection({})}
        reviewers={props.reviewers}
        motivations={props.motivations}
        can={props.can}
        run={run}
        pending={pending}
      />

      <RankingTable
        rows={props.rows}
        meta={meta}
        selection={selection}
        onSelectionChange={setSelection}
      />

      {props.can.publish && props.pendingCount > 0 ? (
        <PublishPanel
          campaignId={props.campaignId}
          pendingCount={props.pendingCount}
          previews={props.previews}
          run={run}
          pending={pending}
          error={error}
        />
      ) : null}
    </div>
  )
}
