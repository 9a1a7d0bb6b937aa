import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { cn } from '@/lib/cn'

/**
 * A table that scrolls sideways on a phone instead of breaking the layout. The scrolling
 * box is focusable (and named by the caption) so that it scrolls from the keyboard too.
 */
export function Table({
  className,
  caption,
  children,
  ...props
}: HTMLAttributes<HTMLTableElement> & { caption?: string }) {
  return (
    <div
      className="w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-700"
      tabIndex={0}
      role={caption ? 'region' : undefined}
      aria-label={caption}
    >
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  )
}
export const THead = (props: HTMLAttributes<HTMLTableSectionElement>) => (
  <thead className="bg-slate-100 text-slate-700" {...props} />
)
export const TBody = (props: HTMLAttributes<HTMLTableSectionElement>) => (
  <tbody className="divide-y divide-slate-200" {...props} />
)
export const Tr = ({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) => (
  <tr className={cn('align-top', className)} {...props} />
)
export const Th = ({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th
    scope="col"
    className={cn('px-3 py-2 font-semibold whitespace-nowrap', className)}
    {...props}
  />
)
export const Td = ({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) => (
  <td className={cn('px-3 py-2', className)} {...props} />
)
