import { useState, useTransition } from 'react'
import { toast } from '@/components/ui/toast'

type ActionOutcome = {
  ok: boolean
  formError?: string
  fieldErrors?: Record<string, string[] | undefined>
}

/**
 * Runs one of the board's server actions: one pending state and one error for the whole
 * board (a second action waits for the first), a toast on success.
 */
export function useBoardAction() {
  const [pending, start] = useTransition()
  const [error, setError] = useState<string>()
  const run = (action: () => Promise<ActionOutcome>, success: string) =>
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

export type RunBoardAction = ReturnType<typeof useBoardAction>['run']
