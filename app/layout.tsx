import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { Suspense } from 'react'
import { SignedInNotice } from '@/components/auth/signed-in-notice'
import { InvitationAcceptedNotice } from '@/components/people/invitation-accepted-notice'
import { SiteFooter } from '@/components/shell/site-footer'
import { SiteHeader } from '@/components/shell/site-header'
import { Toaster } from '@/components/ui/toast'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Tremplin', template: '%s · Tremplin' },
  description:
    'Candidatures, recommandations authentifiées et stages pour les établissements scolaires.',
  applicationName: 'Tremplin',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e40af' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Aller au contenu
        </a>
        <SiteHeader />
        <Suspense fallback={null}>
          <SignedInNotice />
          <InvitationAcceptedNotice />
        </Suspense>
        <main id="contenu" className="mx-auto w-full max-w-6xl px-4 py-6 sm:py-10">
          {children}
        </main>
        <SiteFooter />
        <Toaster />
      </body>
    </html>
  )
}
