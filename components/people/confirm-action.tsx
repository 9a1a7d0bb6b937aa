'use client'

import { useState, useTransition, type ReactNode } from 'react'
import type { ActionResult } from '@/lib/auth/action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/form-field'
import { toast } from '@/components/ui/toast'

/**
 * A destructive action behind a confirmation dialog (native <dialog>: focus kept inside,
 * Escape closes, focus returns to the button). The dialog exists only while open, so one
 * page may hold many of these.
 */
export function ConfirmAction<T>({
  trigger,
  triggerLabel,
  title,
  children,
  confirmLabel,
  run,
  done,
}: {
  trigger: ReactNode
  /** The button's accessible name when its text alone is ambiguous ("Retirer" in a table). */
  triggerLabel?: string
  title: string
  children: ReactNode
  confirmLabel: string
  run: () => Promise<ActionResult<T>>
  done: (result: ActionResult<T> & { ok: true }) => string
}) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const close = () => {
    setOpen(false)
    setError(undefined)
  }
  const confirm = () =>
    startTransition(async () => {
      const result = await run()
      if (!result.ok) return setError(result.formError ?? 'Action impossible.')
      close()
      toast.success(done(result))
    })
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-label={triggerLabel}
        onClick={() => setOpen(true)}
      >
        {trigger}
      </Button>
      {open ? (
        <Dialog open onClose={close} title={title}>
          <div className="space-y-2 text-slate-800">{children}</div>
          <FormError message={error} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="danger" pending={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
            <Button type="button" variant="ghost" onClick={close}>
              Annuler
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  )
}
