import Link from 'next/link'
import { getViewer } from '@/lib/auth/session'
import { navigationFor, type NavItem } from '@/lib/auth/roles'
import { can, type Permission } from '@/lib/auth/permissions'
import { buttonClasses } from '@/components/ui/button'
import { MainNav } from './main-nav'
import { OutsideLinkPages } from './outside-link-pages'
import { UserArea } from './user-area'

// Admin pages reached from the header beyond the role's own navigation.
const adminExtras: { permission: Permission; item: NavItem }[] = [{ permission: 'establishment.edit', item: { href: '/equipe/informations-legales', label: 'Informations légales' } }]

export async function SiteHeader() {
  const viewer = await getViewer()
  const memberships = viewer?.memberships ?? []
  const nav = viewer ? navigationFor(memberships.map((m) => m.role)) : []
  for (const extra of adminExtras) if (memberships.some((m) => can(m.role, extra.permission))) nav.push(extra.item)
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800">
          Tremplin
        </Link>
        <OutsideLinkPages>
          {viewer ? (
            <>
              <MainNav items={nav} />
              <UserArea viewer={viewer} />
            </>
          ) : (
            <div className="ml-auto">
              <Link href="/connexion" className={buttonClasses('primary', 'sm')}>
                Se connecter
              </Link>
            </div>
          )}
        </OutsideLinkPages>
      </div>
    </header>
  )
}
