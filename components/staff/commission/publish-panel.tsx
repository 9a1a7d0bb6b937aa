'use client'

import { useState } from 'react'
import { publishDecisionsAction } from '@/app/(equipe)/equipe/campagnes/[id]/commission/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/form-field'
import type { RunBoardAction } from './use-board-action'

/** One rendered decision email per outcome, shown before publishing. */
export type DecisionPreview = { outcome: string; subject: string; html: string }

/** Decisions entered and not yet published: preview the emails, then publish them all. */
export function PublishPanel(props: {
  campaignId: string
  pendingCount: number
  previews: DecisionPreview[]
  run: RunBoardAction
  pending: boolean
  error: string | undefined
}) {
  const [publishing, setPublishing] = useState(false)
  const plural = props.pendingCount > 1 ? 's' : ''
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <p>
        <strong>{props.pendingCount}</strong> décision{plural} saisie{plural}, non publiée{plural}.
      </p>
      <Button type="button" onClick={() => setPublishing(true)}>
        Prévisualiser et publier
      </Button>
      <Dialog
        open={publishing}
        onClose={() => setPublishing(false)}
        title={`Publier ${props.pendingCount} décision${plural}`}
      >
        <p className="text-sm">
          Chaque candidat recevra cet e-mail, avec la lettre de décision en PDF. La publication est
          définitive.
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
            pending={props.pending}
            onClick={() =>
              props.run(async () => {
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
        <FormError message={props.error} />
      </Dialog>
    </div>
  )
}
