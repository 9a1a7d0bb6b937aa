import { cn } from '@/lib/cn'

/** One count of a dashboard: the figure, large, with what it counts. */
export function Figure({
  value,
  label,
  tone = 'neutral',
}: {
  value: number | string
  label: string
  tone?: 'neutral' | 'warning' | 'success'
}) {
  return (
    <div
      className={cn(
        'flex flex-col-reverse justify-end rounded-lg border bg-white p-3',
        tone === 'warning' && 'border-amber-300 bg-amber-50',
        tone === 'success' && 'border-green-300 bg-green-50',
        tone === 'neutral' && 'border-slate-200',
      )}
    >
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
    </div>
  )
}

/** A progress bar with its figure in words (the bar alone says nothing to a screen reader). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-green-700" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-700">
        {percent} % {label.toLowerCase()}
      </p>
    </div>
  )
}
