import { switchEstablishment } from '@/app/(equipe)/establishment-actions'
import { buttonClasses } from '@/components/ui/button'

type Props = { establishments: { id: string; name: string }[]; currentId: string | null }

/** For people working in several establishments: which one this session acts on. Works without JavaScript. */
export function EstablishmentSwitcher({ establishments, currentId }: Props) {
  if (establishments.length < 2) return null
  return (
    <form action={switchEstablishment} className="flex items-center gap-2 text-sm">
      <label htmlFor="establishment-switcher" className="sr-only">
        Établissement
      </label>
      <select
        id="establishment-switcher"
        name="establishmentId"
        defaultValue={currentId ?? undefined}
        className="max-w-[14rem] truncate rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {establishments.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
      <button type="submit" className={buttonClasses('secondary', 'sm')}>
        Changer d’établissement
      </button>
    </form>
  )
}
