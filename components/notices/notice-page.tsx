import Link from 'next/link'
import { db } from '@/db'
import type { NoticeKind } from '@/db/schema'
import { formatDate } from '@/lib/format'
import { establishmentSlugParam } from '@/lib/people/notice-schemas'
import { noticePaths, noticeTitles } from '@/lib/people/notices-defaults'
import { establishmentBySlug, listEstablishments } from '@/lib/establishments/establishments'
import { noticeOf } from '@/lib/people/notices'
import { NoticeText } from './notice-text'

/**
 * A footer page (accessibility, legal notice, privacy). With one establishment on the
 * platform, its version is shown; with several, the platform's text until the visitor picks
 * one (`?etablissement=<slug>`, the link an establishment gives out).
 */
export async function NoticePage({
  kind,
  searchParams,
}: {
  kind: NoticeKind
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = await searchParams
  const slug = establishmentSlugParam.parse(
    typeof params.etablissement === 'string' ? params.etablissement : undefined,
  )
  const all = await listEstablishments(db)
  const chosenSlug = slug ?? (all.length === 1 ? all[0]!.slug : undefined)
  const establishment = chosenSlug ? await establishmentBySlug(db, chosenSlug) : null
  const notice = await noticeOf(db, kind, establishment)
  const path = noticePaths[kind]
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{noticeTitles[kind]}</h1>
        <p className="text-sm text-slate-600">
          {establishment
            ? establishment.name
            : 'Texte commun aux établissements utilisant Tremplin'}
          {notice.updatedAt ? ` · mis à jour le ${formatDate(notice.updatedAt)}` : ''}
        </p>
      </header>
      {all.length > 1 ? (
        <nav aria-label="Établissement" className="text-sm">
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link
                href={path}
                aria-current={!establishment ? 'page' : undefined}
                className="block rounded-md border border-slate-300 px-3 py-1.5 aria-[current]:border-brand-700 aria-[current]:bg-brand-50 aria-[current]:font-semibold"
              >
                Tous les établissements
              </Link>
            </li>
            {all.map((e) => (
              <li key={e.slug}>
                <Link
                  href={`${path}?etablissement=${e.slug}`}
                  aria-current={establishment?.slug === e.slug ? 'page' : undefined}
                  className="block rounded-md border border-slate-300 px-3 py-1.5 aria-[current]:border-brand-700 aria-[current]:bg-brand-50 aria-[current]:font-semibold"
                >
                  {e.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <NoticeText body={notice.body} />
    </article>
  )
}
