import type { Metadata } from 'next'
import { db } from '@/db'
import { requireStudent } from '@/lib/auth/require-student'
import { formatDate } from '@/lib/format'
import { internshipPeriodsOfClass } from '@/lib/school/student-access'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export const metadata: Metadata = { title: 'Ma classe' }

const day = (date: string) => formatDate(new Date(`${date}T12:00:00Z`))

// The student's own page: their class, their consent, their internship periods (internships
// will hang off it). Behind the gate: a minor without consent is sent to the explanation.
export default async function StudentPage() {
  const access = await requireStudent('/espace/eleve')
  const periods = access.schoolClass
    ? await internshipPeriodsOfClass(db, access.schoolClass.id)
    : []
  const { student } = access
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-brand-700">{access.establishmentName}</p>
        <h1 className="text-2xl font-bold">
          {student.firstName} {student.lastName}
        </h1>
      </div>
      <section aria-labelledby="ma-classe" className="space-y-2">
        <h2 id="ma-classe" className="text-lg font-semibold">
          Ma classe
        </h2>
        <Card className="space-y-1">
          {access.schoolClass ? (
            <>
              <p className="font-semibold">
                {access.schoolClass.name}{' '}
                <span className="font-normal text-slate-600">
                  · {access.schoolClass.schoolYearLabel}
                </span>
              </p>
              {access.mainTeachers.length > 0 ? (
                <p className="text-sm text-slate-700">
                  Professeur principal : {access.mainTeachers.join(', ')}
                </p>
              ) : null}
            </>
          ) : (
            <p>Vous n’êtes inscrit(e) dans aucune classe pour l’instant.</p>
          )}
        </Card>
      </section>
      <section aria-labelledby="autorisation" className="space-y-2">
        <h2 id="autorisation" className="text-lg font-semibold">
          Autorisation parentale
        </h2>
        <Card>
          {access.minor ? (
            <p>
              <Badge tone="success">En vigueur</Badge>{' '}
              {access.consent ? `depuis le ${formatDate(access.consent.grantedAt)}` : ''}
            </p>
          ) : (
            <p>Vous êtes majeur(e) : aucune autorisation parentale n’est nécessaire.</p>
          )}
        </Card>
      </section>
      <section aria-labelledby="periodes" className="space-y-2">
        <h2 id="periodes" className="text-lg font-semibold">
          Périodes de stage
        </h2>
        {periods.length === 0 ? (
          <EmptyState title="Aucune période de stage n’est encore fixée pour votre classe." />
        ) : (
          <ul className="space-y-2">
            {periods.map((p) => (
              <li key={p.id}>
                <Card>
                  <p className="font-medium">{p.label ?? 'Stage'}</p>
                  <p className="text-sm text-slate-700">
                    du {day(p.startsOn)} au {day(p.endsOn)}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
