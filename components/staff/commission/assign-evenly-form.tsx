'use client'

import { useState } from 'react'
import { assignEvenlyAction } from '@/app/(equipe)/equipe/campagnes/[id]/commission/actions'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import type { RunBoardAction } from './use-board-action'

type Person = { id: string; label: string }

/** Spreads the campaign's files over the chosen reviewers, N reviews per file. */
export function AssignEvenlyForm(props: {
  campaignId: string
  reviewers: Person[]
  run: RunBoardAction
  pending: boolean
}) {
  const [evenReviewers, setEvenReviewers] = useState<string[]>(props.reviewers.map((r) => r.id))
  const [perFile, setPerFile] = useState('1')
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">
        Répartir les dossiers entre examinateurs
      </summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault()
          props.run(
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
          <Button type="submit" size="sm" pending={props.pending}>
            Répartir équitablement
          </Button>
        </div>
        <p className="text-sm text-slate-600">
          Les dossiers en cours d’instruction sont confiés aux examinateurs les moins chargés ; les
          affectations existantes sont gardées.
        </p>
      </form>
    </details>
  )
}
