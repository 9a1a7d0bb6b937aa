import Link from 'next/link'
import { currentMemberships, getViewer } from '@/lib/auth/session'
import { navigationFor, platformNavItem } from '@/lib/auth/roles'
import { viewerIsPlatformAdmin } from '@/lib/auth/platform'
import { logoUrl } from '@/lib/establishments/logo'
import { buttonClasses } from '@/components/ui/button'
import { MainNav } from './main-nav'
import { OutsideLinkPages } from './outside-link-pages'
import { UserArea } from './user-area'

export async function SiteHeader() {
  const viewer = await getViewer()
  // Roles held in the establishment this session works in: the navigation offers nothing else.
  const nav = viewer ? navigationFor(currentMemberships(viewer).map((m) => m.role)) : []
  if (viewer && (await viewerIsPlatformAdmin())) nav.push(platformNavItem)
  // The logo of the establishment this session works in (read with the memberships), beside
  // the platform's name.
  const here = viewer ? currentMemberships(viewer)[0] : undefined
  const logo = here
    ? {
        name: here.establishmentName,
        url: logoUrl(here.establishmentId, here.establishmentLogoKey),
      }
    : null
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800">
          Tremplin
        </Link>
        {logo?.url ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our route, any size
          <img src={logo.url} alt={`Logo : ${logo.name}`} className="h-9 max-w-32 object-contain" />
        ) : null}
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
