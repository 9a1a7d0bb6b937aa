import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { noticeKinds } from '@/db/schema'
import { requireStaff } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format'
import { establishmentById } from '@/lib/establishments/establishments'
import { noticeOf } from '@/lib/people/notices'
import { noticePaths, noticeTitles } from '@/lib/people/notices-defaults'
import { NoticeForm } from '@/components/notices/notice-form'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Informations légales' }

export default async function NoticesEditorPage() {
  const { membership } = await requireStaff('establishment.edit', {
    callbackUrl: '/equipe/informations-legales',
  })
  const establishment = await establishmentById(db, membership.establishmentId)
  const notices = await Promise.all(noticeKinds.map((kind) => noticeOf(db, kind, establishment)))
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Informations légales</h1>
        <p className="text-slate-700">
          Les pages liées en bas de chaque écran, pour {membership.establishmentName}. Tant que vous
          n’enregistrez pas votre texte, le texte par défaut de Tremplin s’affiche : complétez les
          parties entre crochets.
        </p>
      </div>
      {notices.map((notice) => {
        const title = noticeTitles[notice.kind]
        return (
          <Card key={notice.kind} className="space-y-3">
            <section aria-labelledby={`titre-${notice.kind}`} className="space-y-3">
              <div className="flex flex-wrap items-center gap-3">
                <h2 id={`titre-${notice.kind}`} className="text-lg font-semibold">
                  {title}
                </h2>
                {notice.isDefault ? (
                  <Badge tone="neutral">Texte par défaut</Badge>
                ) : (
                  <Badge tone="success">Texte de l’établissement</Badge>
                )}
              </div>
              {notice.updatedAt ? (
                <p className="text-sm text-slate-600">
                  Modifié le {formatDateTime(notice.updatedAt)}
                  {notice.updatedByName ? ` par ${notice.updatedByName}` : ''}.
                </p>
              ) : null}
              <p className="text-sm">
                <Link
                  href={`${noticePaths[notice.kind]}?etablissement=${establishment?.slug ?? ''}`}
                  className="text-brand-700 underline"
                >
                  Voir la page publique « {title} »
                </Link>
              </p>
              <NoticeForm
                key={notice.updatedAt?.toISOString() ?? 'default'}
                kind={notice.kind}
                title={title}
                body={notice.body}
                isDefault={notice.isDefault}
              />
            </section>
          </Card>
        )
      })}
    </div>
  )
}
