import Link from 'next/link'
import { getViewer } from '@/lib/auth/session'
import { navigationFor, roleLabels } from '@/lib/auth/roles'
import { rolesFor } from '@/lib/auth/permissions'
import { buttonClasses } from '@/components/ui/button'
import { signOutAction } from '@/app/(auth)/actions'

export async function SiteHeader() {
  const viewer = await getViewer()
  const roles = viewer?.memberships.map((m) => m.role) ?? []
  const nav = viewer ? navigationFor(roles) : []
  // The outbox's health (issue 9, item 12): for those who may re-queue failed emails.
  if (roles.some((r) => rolesFor('outbox.manage').includes(r))) nav.push({ href: '/equipe/courriels', label: 'Courriels' })
  const primary = viewer?.memberships[0]
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800">
          Tremplin
        </Link>
        {viewer ? (
          <nav aria-label="Navigation principale" className="order-3 w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="block rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-3">
          {viewer ? (
            <>
              <div className="text-right text-sm leading-tight">
                <p className="font-semibold" data-testid="viewer-name">
                  {viewer.user.name ?? viewer.user.email}
                </p>
                {primary ? (
                  <p className="text-slate-600">
                    {roleLabels[primary.role]} · {primary.establishmentName}
                  </p>
                ) : (
                  <p className="text-slate-600">{viewer.user.email}</p>
                )}
              </div>
              <form action={signOutAction}>
                <button type="submit" className={buttonClasses('secondary', 'sm')}>
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <Link href="/connexion" className={buttonClasses('primary', 'sm')}>
              Se connecter
            </Link>
          )}
        </div>
      </div>
    </header>
  )
}
