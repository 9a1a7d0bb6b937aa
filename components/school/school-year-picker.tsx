import { buttonClasses } from '@/components/ui/button'
import { Select } from '@/components/ui/select'

/** Chooses the school year shown (kept in the URL, works without JavaScript). */
export function SchoolYearPicker({
  years,
  selectedId,
  action,
}: {
  years: { id: string; label: string }[]
  selectedId: string
  action: string
}) {
  if (years.length < 2) return null
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      <div className="space-y-1.5">
        <label htmlFor="annee" className="block text-sm font-semibold text-slate-800">
          Année scolaire
        </label>
        <Select id="annee" name="annee" defaultValue={selectedId} className="w-40">
          {years.map((y) => (
            <option key={y.id} value={y.id}>
              {y.label}
            </option>
          ))}
        </Select>
      </div>
      <button type="submit" className={buttonClasses('secondary')}>
        Afficher
      </button>
    </form>
  )
}
