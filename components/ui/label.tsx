import type { LabelHTMLAttributes } from 'react'
import { cn } from '@/lib/cn'

export function Label({
  className,
  children,
  required,
  ...props
}: LabelHTMLAttributes<HTMLLabelElement> & { required?: boolean }) {
  return (
    <label className={cn('block text-sm font-semibold text-slate-800', className)} {...props}>
      {children}
      {required ? (
        <span className="text-red-700" aria-hidden>
          {' '}
          *
        </span>
      ) : null}
    </label>
  )
}
