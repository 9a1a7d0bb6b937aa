import Link from 'next/link'

/** The platform's own sections, under its title. */
export function PlatformNav({ awaiting }: { awaiting: number }) {
  const link = 'rounded-md px-3 py-2 text-sm font-medium text-brand-700 underline hover:bg-brand-50'
  return (
    <nav aria-label="Plateforme" className="flex flex-wrap gap-1">
      <Link href="/plateforme" className={link}>
        Établissements
      </Link>
      <Link href="/plateforme/etablissements/nouveau" className={link}>
        Nouvel établissement
      </Link>
      <Link href="/plateforme/inscriptions" className={link}>
        Inscriptions à valider ({awaiting})
      </Link>
    </nav>
  )
}
