'use client'

import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { FieldErrors as FormErrors, FieldValues, UseFormReturn } from 'react-hook-form'
import type { FieldErrors } from '@/lib/errors'
import { applyServerErrors } from './apply-server-errors'
import { summaryItems, titleWithError, titleWithoutError, type SummaryItem } from './summary-items'

const CONTROL =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])'
const FOCUSABLE = `${CONTROL}, button:not([disabled]), a[href]`

/** The first control a person can reach inside `target` (hidden ones, e.g. a phone-only camera input, skipped). */
function firstControl(target: HTMLElement): HTMLElement | null {
  for (const selector of ['input:checked', CONTROL, FOCUSABLE]) {
    // An element not rendered (display: none, itself or an ancestor) has no boxes.
    const found = [...target.querySelectorAll<HTMLElement>(selector)].find(
      (el) => el.getClientRects().length > 0,
    )
    if (found) return found
  }
  return null
}

/** Puts the person on the field an error is about: its label (or legend) in view, the control focused. */
function focusField(targetId: string) {
  const target = document.getElementById(targetId)
  if (!target) return
  const control = target.matches(FOCUSABLE) ? target : (firstControl(target) ?? target)
  const label =
    target instanceof HTMLFieldSetElement
      ? target.querySelector('legend')
      : document.querySelector(`label[for="${CSS.escape(targetId)}"]`)
  ;(label ?? target).scrollIntoView({ block: 'center' })
  if (control === target && !target.matches(FOCUSABLE) && !target.hasAttribute('tabindex'))
    target.setAttribute('tabindex', '-1')
  control.focus({ preventScroll: true })
}

// Pages with several forms (campaign settings) may show several summaries: the title keeps
// its prefix until the last one is gone.
let summariesShown = 0

function markTitle(shown: boolean) {
  summariesShown += shown ? 1 : -1
  document.title =
    summariesShown > 0 ? titleWithError(document.title) : titleWithoutError(document.title)
}

/** Field errors in the order the fields appear on the page (the order a person fixes them in). */
function inPageOrder(items: SummaryItem[], targetOf: (name: string) => string): SummaryItem[] {
  if (typeof document === 'undefined') return items
  const position = (item: SummaryItem) => document.getElementById(targetOf(item.name))
  return [...items].sort((a, b) => {
    const x = position(a)
    const y = position(b)
    if (!x || !y || x === y) return 0
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
  })
}

/**
 * The GOV.UK error summary: after a rejected submission, a box at the top of the form lists
 * every error as a link to its field and takes the focus, so that on a phone the person sees
 * at once that something went wrong and where, and a screen reader announces it once (the
 * messages beside the fields are not live regions). While it is shown the page title starts
 * with "Erreur : ".
 *
 * `errors` are react-hook-form's (the server's field errors join them through
 * applyServerErrors; its form-wide message is `root`). `focusKey` changes on every failed
 * attempt (see useErrorSummary). `targets` gives the id of the element an error's link
 * leads to when it is not the field's name: an error that is not a field's own
 * ("documents" → the documents section), or fields whose ids carry a prefix.
 */
export function ErrorSummary({
  errors,
  focusKey,
  targets = {},
  title = 'Il y a un problème',
}: {
  errors: FormErrors
  focusKey: number
  targets?: Record<string, string> | ((name: string) => string | undefined)
  title?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const targetOf = (name: string) =>
    (typeof targets === 'function' ? targets(name) : targets[name]) ?? name
  const items = inPageOrder(summaryItems(errors), targetOf)
  const formError = typeof errors.root?.message === 'string' ? errors.root.message : undefined
  const shown = items.length > 0 || Boolean(formError)

  // react-hook-form publishes its errors after calling onInvalid: focus once both are in,
  // once per failed attempt.
  const focusedFor = useRef(0)
  useEffect(() => {
    if (focusKey > focusedFor.current && shown && ref.current) {
      focusedFor.current = focusKey
      ref.current.focus()
    }
  }, [focusKey, shown])

  useEffect(() => {
    if (!shown) return
    markTitle(true)
    return () => markTitle(false)
  }, [shown])

  if (!shown) return null
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="rounded-md border-2 border-red-700 bg-white p-4 focus:outline-4 focus:outline-offset-2 focus:outline-amber-400"
    >
      <h2 id={titleId} className="text-lg font-bold text-slate-900">
        {title}
      </h2>
      {/* The server's overall message repeats its field messages when there are some. */}
      {formError && items.length === 0 ? <p className="mt-2 text-slate-800">{formError}</p> : null}
      {items.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((item, index) => (
            <li key={`${item.name}-${index}`}>
              <a
                href={`#${targetOf(item.name)}`}
                className="font-semibold text-red-800 underline"
                onClick={(event) => {
                  event.preventDefault()
                  focusField(targetOf(item.name))
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** A server action's errors in react-hook-form's shape, for forms that keep their own state (no react-hook-form). */
export function serverErrorsForSummary(fieldErrors: FieldErrors, formError?: string): FormErrors {
  const errors: Record<string, { type: string; message: string; types?: Record<string, string> }> =
    {}
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!messages?.[0] || field === '_form') continue
    errors[field] = {
      type: 'server',
      message: messages[0],
      ...(messages.length > 1
        ? { types: Object.fromEntries(messages.map((m, i) => [`server-${i}`, m])) }
        : {}),
    }
  }
  if (formError) errors.root = { type: 'server', message: formError }
  return errors as FormErrors
}

/**
 * Wires a react-hook-form form to its ErrorSummary: `failed` is handleSubmit's onInvalid,
 * `serverFailed` takes a failed ActionResult; both move the focus to the summary.
 */
export function useErrorSummary<T extends FieldValues>(form: UseFormReturn<T>) {
  const [failures, setFailures] = useState(0)
  const { setError } = form
  const failed = useCallback(() => setFailures((n) => n + 1), [])
  const serverFailed = useCallback(
    (result: { fieldErrors: FieldErrors; formError?: string }) => {
      applyServerErrors(setError, result.fieldErrors, result.formError, { focus: false })
      setFailures((n) => n + 1)
    },
    [setError],
  )
  return { failed, serverFailed, summary: { errors: form.formState.errors, focusKey: failures } }
}
