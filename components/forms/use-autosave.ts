'use client'

import { useEffect, useRef, useState } from 'react'

export type AutosaveState = {
  status: 'idle' | 'saving' | 'saved' | 'error'
  savedAt?: Date
  message?: string
}

/**
 * Saves `values` on the server a moment after the person stops typing. Saves never
 * overlap; the latest values always win.
 */
export function useAutosave<T>(
  values: T,
  save: (values: T) => Promise<{ ok: boolean; savedAt?: string; message?: string }>,
  options: { delayMs?: number; enabled?: boolean; initialSavedAt?: string } = {},
) {
  const { delayMs = 1500, enabled = true } = options
  const [state, setState] = useState<AutosaveState>(
    options.initialSavedAt
      ? { status: 'saved', savedAt: new Date(options.initialSavedAt) }
      : { status: 'idle' },
  )
  const serialized = JSON.stringify(values)
  const lastSaved = useRef(serialized)
  const inFlight = useRef<Promise<unknown> | null>(null)
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  }, [save])

  useEffect(() => {
    if (!enabled || serialized === lastSaved.current) return
    const timer = setTimeout(async () => {
      if (inFlight.current) await inFlight.current
      setState((s) => ({ ...s, status: 'saving' }))
      const attempt = saveRef.current(JSON.parse(serialized) as T)
      inFlight.current = attempt
      try {
        const result = await attempt
        if (result.ok) {
          lastSaved.current = serialized
          setState({
            status: 'saved',
            savedAt: result.savedAt ? new Date(result.savedAt) : new Date(),
          })
        } else {
          setState({ status: 'error', message: result.message })
        }
      } catch {
        setState({
          status: 'error',
          message: 'Enregistrement impossible pour le moment : vérifiez votre connexion.',
        })
      } finally {
        inFlight.current = null
      }
    }, delayMs)
    return () => clearTimeout(timer)
  }, [serialized, enabled, delayMs])

  return state
}

const timeFormatter = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' })

export function autosaveLabel(state: AutosaveState): string {
  switch (state.status) {
    case 'saving':
      return 'Enregistrement du brouillon…'
    case 'saved':
      return `Brouillon enregistré à ${timeFormatter.format(state.savedAt ?? new Date())}`
    case 'error':
      return state.message ?? 'Le brouillon n’a pas pu être enregistré.'
    default:
      return 'Votre saisie est enregistrée automatiquement.'
  }
}
