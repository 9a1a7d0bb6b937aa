import type { InputHTMLAttributes, ReactNode } from 'react'
import { cn } from '@/lib/cn'
import { FieldError } from './form-field'

type Option = { value: string; label: string }

/** Native radio buttons in a fieldset: keyboard arrows and screen readers work as expected. */
export function RadioGroup({
  name,
  legend,
  options,
  error,
  required,
  inline,
  inputProps,
}: {
  name: string
  legend: ReactNode
  options: Option[]
  error?: string
  required?: boolean
  inline?: boolean
  inputProps?: (option: Option) => InputHTMLAttributes<HTMLInputElement>
}) {
  const errorId = error ? `${name}-error` : undefined
  return (
    // The fieldset carries the group's name as id: an error summary links to it.
    <fieldset
      id={name}
      className="space-y-2"
      aria-describedby={errorId}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-1 text-sm font-semibold text-slate-800">
        {legend}
        {required ? (
          <span className="text-red-700" aria-hidden>
            {' '}
            *
          </span>
        ) : null}
      </legend>
      <div className={cn('flex gap-2', inline ? 'flex-wrap' : 'flex-col')}>
        {options.map((option) => {
          const id = `${name}-${option.value}`
          return (
            <label
              key={option.value}
              htmlFor={id}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                className="size-4 accent-brand-700"
                {...inputProps?.(option)}
              />
              {option.label}
            </label>
          )
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  )
}
