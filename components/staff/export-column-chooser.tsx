'use client'

import { useState } from 'react'
import { buttonClasses } from '@/components/ui/button'

export type ExportColumnChoice = { group: string; columns: { key: string; label: string }[] }

/**
 * Export of the current filtered view: every column by default, or the ones chosen here.
 * The choice travels in the link (?colonnes=…), so an export can be bookmarked or shared.
 * The columns come from the export's registry, on the server (components/staff/export-menu.tsx).
 */
export function ExportColumnChooser({
  filterQuery,
  groups,
}: {
  filterQuery: string
  groups: ExportColumnChoice[]
}) {
  const exportColumnKeys = groups.flatMap((g) => g.columns.map((c) => c.key))
  const [chosen, setChosen] = useState<string[]>(exportColumnKeys)
  const all = chosen.length === exportColumnKeys.length
  const href = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams(filterQuery.replace(/^\?/, ''))
    if (!all) query.set('colonnes', chosen.join(','))
    query.set('format', format)
    return `/api/exports/candidatures?${query.toString()}`
  }
  const toggle = (key: string, on: boolean) =>
    setChosen((list) =>
      on
        ? exportColumnKeys.filter((k) => k === key || list.includes(k))
        : list.filter((k) => k !== key),
    )
  return (
    <div className="flex flex-wrap items-start gap-2">
      <a
        href={href('xlsx')}
        className={buttonClasses('secondary', 'sm')}
        download
        aria-disabled={chosen.length === 0 || undefined}
      >
        Exporter (XLSX)
      </a>
      <a
        href={href('csv')}
        className={buttonClasses('secondary', 'sm')}
        download
        aria-disabled={chosen.length === 0 || undefined}
      >
        Exporter (CSV)
      </a>
      <details className="relative">
        <summary className={buttonClasses('ghost', 'sm', 'cursor-pointer list-none')}>
          Colonnes ({all ? 'toutes' : chosen.length})
        </summary>
        <div className="absolute right-0 z-10 mt-2 w-[min(36rem,90vw)] space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
          <div className="flex gap-3 text-sm">
            <button
              type="button"
              className="font-medium text-brand-700 underline"
              onClick={() => setChosen(exportColumnKeys)}
            >
              Tout cocher
            </button>
            <button
              type="button"
              className="font-medium text-brand-700 underline"
              onClick={() => setChosen([])}
            >
              Tout décocher
            </button>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            {groups.map((group) => (
              <fieldset key={group.group}>
                <legend className="text-sm font-semibold">{group.group}</legend>
                {group.columns.map((c) => (
                  <label key={c.key} className="mt-1 flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-700"
                      checked={chosen.includes(c.key)}
                      onChange={(e) => toggle(c.key, e.target.checked)}
                    />
                    {c.label}
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </div>
      </details>
    </div>
  )
}
