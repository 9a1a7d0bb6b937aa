import { roleLabels } from '@/lib/auth/roles'
import type { Viewer } from '@/lib/auth/session'
import { buttonClasses } from '@/components/ui/button'
import { signOutAction } from '@/app/(auth)/actions'

/**
 * Who is signed in, in which role and establishment, and signing out. Long addresses are cut
 * with an ellipsis (a 40-character address otherwise widened phone pages); the whole address
 * stays in the text for screen readers and in the tooltip. An establishment switcher belongs
 * next to the name.
 */
export function UserArea({ viewer }: { viewer: Viewer }) {
  const primary = viewer.memberships[0]
  const name = viewer.user.name ?? viewer.user.email
  const detail = primary ? `${roleLabels[primary.role]} · ${primary.establishmentName}` : viewer.user.email
  return (
    <div className="ml-auto flex min-w-0 max-w-full items-center gap-3">
      <div className="min-w-0 text-right text-sm leading-tight">
        <p className="truncate font-semibold sm:max-w-64" data-testid="viewer-name" title={name}>
          {name}
        </p>
        <p className="truncate text-slate-600 sm:max-w-64" title={detail}>
          {detail}
        </p>
      </div>
      <form action={signOutAction} className="shrink-0">
        <button type="submit" className={buttonClasses('secondary', 'sm')}>
          Se déconnecter
        </button>
      </form>
    </div>
  )
}
