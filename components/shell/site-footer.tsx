import Link from 'next/link'
import { noticePaths, platformConformity } from '@/lib/people/notices-defaults'

// On every page: the accessibility mention the RGAA asks for ("Accessibilité : … conforme",
// linking to the statement), the legal notice and the privacy notice.
export function SiteFooter() {
  const links = [
    { href: noticePaths.accessibility, label: `Accessibilité : ${platformConformity}` },
    { href: noticePaths.legal, label: 'Mentions légales' },
    { href: noticePaths.privacy, label: 'Données personnelles' },
  ]
  return (
    <footer className="mt-auto border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-5 text-sm">
        <p className="text-slate-600">Tremplin · candidatures, recommandations et stages</p>
        <nav aria-label="Informations légales">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="text-slate-700 underline underline-offset-2 hover:text-brand-800"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  )
}
