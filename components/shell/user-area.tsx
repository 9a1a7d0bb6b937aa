import Link from 'next/link'
import { roleLabels } from '@/lib/auth/roles'
import { establishmentsOf } from '@/lib/auth/active-establishment'
import { currentMemberships, type Viewer } from '@/lib/auth/session'
import { EstablishmentSwitcher } from '@/components/auth/establishment-switcher'
import { buttonClasses } from '@/components/ui/button'
import { signOutAction } from '@/app/(auth)/actions'

/**
 * Who is signed in, in which role and establishment, and signing out. Long addresses are cut
 * with an ellipsis (a 40-character address otherwise widened phone pages); the whole address
 * stays in the text for screen readers and in the tooltip. People working in several
 * establishments choose theirs beside it.
 */
export function UserArea({ viewer }: { viewer: Viewer }) {
  const primary = currentMemberships(viewer)[0]
  const name = viewer.user.name ?? viewer.user.email
  const detail = primary
    ? `${roleLabels[primary.role]} · ${primary.establishmentName}`
    : viewer.user.email
  return (
    <div className="ml-auto flex min-w-0 max-w-full flex-wrap items-center justify-end gap-3">
      <div className="min-w-0 text-right text-sm leading-tight">
        <p className="truncate font-semibold sm:max-w-64" data-testid="viewer-name" title={name}>
          {name}
        </p>
        <p className="truncate text-slate-600 sm:max-w-64" title={detail}>
          {detail}
        </p>
      </div>
      <EstablishmentSwitcher
        establishments={establishmentsOf(viewer.memberships)}
        currentId={viewer.establishmentId}
      />
      <Link href="/compte" className={buttonClasses('ghost', 'sm', 'shrink-0')}>
        Mon compte
      </Link>
      <form action={signOutAction} className="shrink-0">
        <button type="submit" className={buttonClasses('secondary', 'sm')}>
          Se déconnecter
        </button>
      </form>
    </div>
  )
}
