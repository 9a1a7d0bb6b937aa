import Link from 'next/link'
import { consentStatusLabels, consentStatusTone } from '@/lib/school/consent-status'
import {
  percent,
  totalsOf,
  type ClassProgress,
  type StudentSituation,
} from '@/lib/school/dashboards'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { Figure, ProgressBar } from './figures'

const readyLabel = 'Élèves prêts (compte activé, autorisation si mineur)'

/** The head's (and other staff's) view: every class, its counts and its progress. */
export function SchoolOverview({ classes }: { classes: ClassProgress[] }) {
  const totals = totalsOf(classes)
  return (
    <section aria-labelledby="classes" className="space-y-3">
      <h2 id="classes" className="text-lg font-semibold">
        Classes et élèves
      </h2>
      {classes.length === 0 ? (
        <EmptyState title="Aucune classe pour cette année scolaire." />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure value={totals.classes} label="classes" />
            <Figure value={totals.students} label="élèves" />
            <Figure value={totals.accounts} label="comptes activés" />
            <Figure
              value={totals.minorsWithoutConsent}
              label="mineurs sans autorisation parentale"
              tone={totals.minorsWithoutConsent > 0 ? 'warning' : 'success'}
            />
          </dl>
          <ProgressBar percent={percent(totals.ready, totals.students)} label={readyLabel} />
          <Table caption="Avancement par classe">
            <THead>
              <Tr>
                <Th>Classe</Th>
                <Th>Élèves</Th>
                <Th>Comptes activés</Th>
                <Th>Mineurs sans autorisation</Th>
                <Th>Prêts</Th>
              </Tr>
            </THead>
            <TBody>
              {classes.map((c) => (
                <Tr key={c.id} data-testid="class-row">
                  <Td>
                    <Link
                      href={`/equipe/classes/${c.id}`}
                      className="font-medium text-brand-700 underline"
                    >
                      {c.name}
                    </Link>
                    {c.internshipsEnabled ? (
                      <span className="block text-xs text-slate-600">stages ouverts</span>
                    ) : null}
                  </Td>
                  <Td>{c.students}</Td>
                  <Td>{c.accounts}</Td>
                  <Td>
                    {c.minorsWithoutConsent > 0 ? (
                      <Badge tone="warning">{c.minorsWithoutConsent}</Badge>
                    ) : (
                      0
                    )}
                  </Td>
                  <Td className="min-w-32">{percent(c.ready, c.students)} %</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </section>
  )
}

/** A main teacher's view: their classes, and each pupil's situation. */
export function MainTeacherOverview({
  classes,
  students,
}: {
  classes: ClassProgress[]
  students: StudentSituation[]
}) {
  return (
    <section aria-labelledby="mes-classes" className="space-y-4">
      <h2 id="mes-classes" className="text-lg font-semibold">
        Mes classes
      </h2>
      {classes.length === 0 ? (
        <EmptyState title="Vous n’êtes professeur principal d’aucune classe cette année." />
      ) : (
        classes.map((c) => {
          const pupils = students.filter((s) => s.classId === c.id)
          return (
            <div key={c.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">
                  <Link href={`/equipe/classes/${c.id}`} className="text-brand-700 underline">
                    {c.name}
                  </Link>
                </h3>
                <p className="text-sm text-slate-700">
                  {c.students} élèves · {c.accounts} comptes activés · {c.minorsWithoutConsent}{' '}
                  mineur{c.minorsWithoutConsent > 1 ? 's' : ''} sans autorisation
                </p>
              </div>
              <ProgressBar percent={percent(c.ready, c.students)} label={readyLabel} />
              {pupils.length > 0 ? (
                <ul className="divide-y divide-slate-200 text-sm">
                  {pupils.map((s) => (
                    <li
                      key={s.id}
                      className="flex flex-wrap items-center justify-between gap-2 py-2"
                    >
                      <span>
                        {s.firstName} {s.lastName}
                      </span>
                      <span className="flex flex-wrap gap-2">
                        <Badge tone={s.accountLinked ? 'success' : 'neutral'}>
                          {s.accountLinked
                            ? 'Compte activé'
                            : s.invitationPending
                              ? 'Invitation envoyée'
                              : 'Sans compte'}
                        </Badge>
                        {s.consent !== 'not_required' ? (
                          <Badge tone={consentStatusTone[s.consent]}>
                            Autorisation : {consentStatusLabels[s.consent].toLowerCase()}
                          </Badge>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          )
        })
      )}
    </section>
  )
}
