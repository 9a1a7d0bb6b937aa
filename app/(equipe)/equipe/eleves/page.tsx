import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { requireStaff } from '@/lib/auth/session'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { classesOfYear } from '@/lib/school/classes'
import { currentSchoolYear, schoolYearsOf } from '@/lib/school/school-years'
import {
  accountStatusLabels,
  STUDENTS_PAGE_SIZE,
  studentsOfYear,
  type AccountStatus,
} from '@/lib/school/students'
import { queryText } from '@/lib/validation/text'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Élèves' }

const accountTones: Record<AccountStatus, 'success' | 'info' | 'neutral' | 'warning'> = {
  active: 'success',
  invited: 'info',
  'not-invited': 'neutral',
  'no-email': 'warning',
}
const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—')
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function StudentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const context = await requireStaff('classes.view', { callbackUrl: '/equipe/eleves' })
  const params = await searchParams
  const current = await currentSchoolYear(db, context.establishmentId)
  const years = await schoolYearsOf(db, context.establishmentId)
  const year = years.find((y) => y.id === first(params.annee)) ?? current
  const scope = schoolScopeOf(context)
  const classList = await classesOfYear(db, scope, year.id)
  const classId = classList.find((c) => c.id === first(params.classe))?.id ?? null
  const q = queryText(80).parse(first(params.q) ?? '')
  const page = Math.max(1, Number.parseInt(first(params.page) ?? '1', 10) || 1)
  const result = await studentsOfYear(db, scope, year.id, { classId, q, page })
  const pages = Math.max(1, Math.ceil(result.total / STUDENTS_PAGE_SIZE))
  const pageHref = (n: number) =>
    `/equipe/eleves?${new URLSearchParams({
      annee: year.id,
      ...(classId ? { classe: classId } : {}),
      ...(q ? { q } : {}),
      page: String(n),
    })}`

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Élèves</h1>
          <p className="text-slate-700">
            Année scolaire {year.label}
            {scope.mainTeacherUserId ? ', vos classes de professeur principal' : ''} :{' '}
            {result.total} élève{result.total > 1 ? 's' : ''}
            {q || classId ? ' trouvé(s)' : ''}.
          </p>
        </div>
        {context.may('students.import') ? (
          <Link
            href={`/equipe/eleves/import?annee=${year.id}`}
            className={buttonClasses('primary', 'sm')}
          >
            Importer des élèves
          </Link>
        ) : null}
      </div>

      <form
        method="get"
        action="/equipe/eleves"
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Rechercher des élèves"
      >
        {years.length > 1 ? (
          <div className="space-y-1.5">
            <label htmlFor="annee" className="block text-sm font-semibold text-slate-800">
              Année scolaire
            </label>
            <Select id="annee" name="annee" defaultValue={year.id} className="w-36">
              {years.map((y) => (
                <option key={y.id} value={y.id}>
                  {y.label}
                </option>
              ))}
            </Select>
          </div>
        ) : (
          <input type="hidden" name="annee" value={year.id} />
        )}
        <div className="space-y-1.5">
          <label htmlFor="classe" className="block text-sm font-semibold text-slate-800">
            Classe
          </label>
          <Select id="classe" name="classe" defaultValue={classId ?? ''} className="w-44">
            <option value="">Toutes</option>
            {classList.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="min-w-48 flex-1 space-y-1.5">
          <label htmlFor="q" className="block text-sm font-semibold text-slate-800">
            Nom, INE ou e-mail
          </label>
          <Input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className={buttonClasses('secondary')}>
          Rechercher
        </button>
      </form>

      {result.rows.length === 0 ? (
        <EmptyState
          title={q || classId ? 'Aucun élève ne correspond.' : `Aucun élève en ${year.label}.`}
        >
          {context.may('students.import') && !q && !classId
            ? 'Importez la liste des élèves depuis l’export de votre logiciel de scolarité.'
            : null}
        </EmptyState>
      ) : (
        <Table caption={`Élèves ${year.label}`}>
          <THead>
            <Tr>
              <Th>Nom</Th>
              <Th>Classe</Th>
              <Th>Né(e) le</Th>
              <Th>INE</Th>
              <Th>E-mail</Th>
              <Th>Compte</Th>
            </Tr>
          </THead>
          <TBody>
            {result.rows.map((s) => (
              <Tr key={s.id}>
                <Td className="font-medium">
                  {s.lastName} {s.firstName}
                </Td>
                <Td>
                  <Link href={`/equipe/classes/${s.classId}`} className="text-brand-700 underline">
                    {s.className}
                  </Link>
                </Td>
                <Td>{day(s.birthDate)}</Td>
                <Td>{s.ine ?? '—'}</Td>
                <Td className="break-all">{s.email ?? '—'}</Td>
                <Td>
                  <Badge tone={accountTones[s.account]}>{accountStatusLabels[s.account]}</Badge>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonClasses('secondary', 'sm')}>
              Page précédente
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">
            Page {page} sur {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className={buttonClasses('secondary', 'sm')}>
              Page suivante
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  )
}
