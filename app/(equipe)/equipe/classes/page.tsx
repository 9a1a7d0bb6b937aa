import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { requireStaff } from '@/lib/auth/session'
import { establishmentProgrammes } from '@/lib/establishments/programmes'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { classesOfYear, mainTeacherCandidates } from '@/lib/school/classes'
import { currentSchoolYear, schoolYearDatesOf, schoolYearsOf } from '@/lib/school/school-years'
import { ClassCreateForm } from '@/components/school/class-create-form'
import { ClassSettingsForm } from '@/components/school/class-settings-form'
import { InviteClassButton } from '@/components/school/invite-class-button'
import { OpenNextYearButton } from '@/components/school/open-next-year-button'
import { SchoolYearPicker } from '@/components/school/school-year-picker'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardTitle } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export const metadata: Metadata = { title: 'Classes' }

const day = (iso: string) => iso.split('-').reverse().join('/')
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`

export default async function ClassesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const context = await requireStaff('classes.view', { callbackUrl: '/equipe/classes' })
  const { establishmentId } = context
  const manage = context.may('classes.manage')
  const current = await currentSchoolYear(db, establishmentId)
  const years = await schoolYearsOf(db, establishmentId)
  const asked = (await searchParams).annee
  const year = years.find((y) => y.id === asked) ?? current
  const scope = schoolScopeOf(context)
  const [list, programmes, teachers] = await Promise.all([
    classesOfYear(db, scope, year.id),
    manage ? establishmentProgrammes(db, establishmentId) : [],
    manage ? mainTeacherCandidates(db, establishmentId) : [],
  ])
  const mayInvite = context.may('students.invite')
  const nextLabel = schoolYearDatesOf(Number(years[0]!.startsOn.slice(0, 4)) + 1).label
  const programmeOptions = programmes.map((p) => ({ id: p.id, name: p.name }))

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Classes et promotions</h1>
          <p className="text-slate-700">
            Année scolaire {year.label}, du {day(year.startsOn)} au {day(year.endsOn)}.
            {scope.mainTeacherUserId ? ' Vos classes de professeur principal.' : ''}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <SchoolYearPicker years={years} selectedId={year.id} action="/equipe/classes" />
          <Link
            href={`/equipe/eleves?annee=${year.id}`}
            className={buttonClasses('secondary', 'sm')}
          >
            Liste des élèves
          </Link>
          {manage ? <OpenNextYearButton label={nextLabel} /> : null}
          {context.may('students.import') ? (
            <Link
              href={`/equipe/eleves/import?annee=${year.id}`}
              className={buttonClasses('primary', 'sm')}
            >
              Importer des élèves
            </Link>
          ) : null}
        </div>
      </div>

      {manage ? (
        <Card>
          <section aria-labelledby="nouvelle-classe" className="space-y-4">
            <CardTitle id="nouvelle-classe">Nouvelle classe</CardTitle>
            <ClassCreateForm schoolYearId={year.id} programmes={programmeOptions} />
          </section>
        </Card>
      ) : null}

      {list.length === 0 ? (
        <EmptyState title={`Aucune classe pour ${year.label}.`}>
          {manage
            ? 'Créez les classes ci-dessus, ou importez la liste des élèves : les classes manquantes peuvent être créées à l’import.'
            : scope.mainTeacherUserId
              ? 'Vous n’êtes professeur principal d’aucune classe cette année.'
              : 'La direction n’a pas encore créé les classes de cette année.'}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label={`Classes ${year.label}`}>
          {list.map((c) => (
            <li key={c.id}>
              <Card className="space-y-3">
                <section aria-labelledby={`classe-${c.id}`} className="space-y-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 id={`classe-${c.id}`} className="text-lg font-semibold">
                      <Link href={`/equipe/classes/${c.id}`} className="text-brand-700 underline">
                        {c.name}
                      </Link>
                    </h2>
                    {c.level ? <Badge>{c.level}</Badge> : null}
                    {c.programmeName ? (
                      <Badge tone="info">Promotion {c.programmeName}</Badge>
                    ) : null}
                    {c.internshipsEnabled ? (
                      <Badge tone="success">Stages</Badge>
                    ) : (
                      <Badge>Sans stage</Badge>
                    )}
                  </div>
                  <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
                    <div>
                      <dt className="text-slate-600">Élèves</dt>
                      <dd className="text-lg font-semibold">{c.students}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">Comptes activés</dt>
                      <dd className="text-lg font-semibold">
                        {c.accounts}
                        <span className="text-sm font-normal text-slate-600"> / {c.students}</span>
                      </dd>
                    </div>
                    <div className="col-span-2 sm:col-span-1">
                      <dt className="text-slate-600">Professeur(s) principal(aux)</dt>
                      <dd>
                        {c.mainTeachers.length === 0
                          ? 'Aucun'
                          : c.mainTeachers.map((t) => t.name ?? t.email).join(', ')}
                      </dd>
                    </div>
                  </dl>
                  {c.internshipsEnabled ? (
                    <p className="text-sm">
                      {c.periods.length === 0
                        ? 'Aucune période de stage fixée.'
                        : `Stage${c.periods.length > 1 ? 's' : ''} : ${c.periods
                            .map(
                              (p) =>
                                `${p.label ? `${p.label}, ` : ''}du ${day(p.startsOn)} au ${day(p.endsOn)}`,
                            )
                            .join(' ; ')}`}
                    </p>
                  ) : null}
                  {mayInvite && c.invitable > 0 ? (
                    <div className="flex flex-wrap items-center gap-3">
                      <InviteClassButton
                        classId={c.id}
                        className={c.name}
                        invitable={c.invitable}
                      />
                      <span className="text-sm text-slate-600">
                        {plural(c.invitable, 'élève a', 'élèves ont')} une adresse mais ni compte ni
                        invitation en cours.
                      </span>
                    </div>
                  ) : null}
                  {manage ? (
                    <details className="rounded-md border border-slate-200 p-3">
                      <summary className="cursor-pointer font-semibold text-brand-700">
                        Modifier {c.name}
                      </summary>
                      <div className="pt-4">
                        <ClassSettingsForm
                          year={year}
                          programmes={programmeOptions}
                          teachers={teachers}
                          defaultValues={{
                            classId: c.id,
                            name: c.name,
                            level: c.level ?? '',
                            programmeId: c.programmeId ?? '',
                            internshipsEnabled: c.internshipsEnabled,
                            mainTeacherUserIds: c.mainTeachers.map((t) => t.userId),
                            periods: c.periods.map((p) => ({
                              label: p.label ?? '',
                              startsOn: p.startsOn,
                              endsOn: p.endsOn,
                            })),
                          }}
                        />
                      </div>
                    </details>
                  ) : null}
                </section>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
