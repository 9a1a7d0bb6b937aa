import type { Metadata } from 'next'
import Link from 'next/link'
import { db } from '@/db'
import { requireStaff } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format'
import { recentImports, type ImportSummary } from '@/lib/school/student-import/imports'
import { importFieldLabels, importFields } from '@/lib/school/student-import/mapping'
import { currentSchoolYear, schoolYearsOf } from '@/lib/school/school-years'
import { ImportUpload } from '@/components/school/import-upload'
import { SchoolYearPicker } from '@/components/school/school-year-picker'
import { Badge } from '@/components/ui/badge'
import { Card, CardTitle } from '@/components/ui/card'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Importer des élèves' }

const statusLabels = { preview: 'Aperçu', applied: 'Importé', cancelled: 'Abandonné' } as const

export default async function StudentImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { establishmentId } = await requireStaff('students.import', {
    callbackUrl: '/equipe/eleves/import',
  })
  const current = await currentSchoolYear(db, establishmentId)
  const years = await schoolYearsOf(db, establishmentId)
  const asked = (await searchParams).annee
  const year = years.find((y) => y.id === asked) ?? current
  const imports = await recentImports(db, establishmentId)

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Importer des élèves</h1>
          <p className="text-slate-700">
            Dans les classes de l’année {year.label}. Rien n’est importé avant votre confirmation ;
            un nouvel import de la même liste met à jour les élèves sans les dupliquer.
          </p>
        </div>
        <SchoolYearPicker years={years} selectedId={year.id} action="/equipe/eleves/import" />
      </div>

      <Card className="space-y-4">
        <CardTitle>Fichier</CardTitle>
        <ImportUpload schoolYearId={year.id} />
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold text-brand-700">
            Colonnes reconnues
          </summary>
          <p className="pt-2 text-slate-700">
            {importFields.map((f) => importFieldLabels[f]).join(', ')}. Les en-têtes sont reconnus
            sans tenir compte des accents ni des majuscules ; vous pourrez corriger la
            correspondance dans l’aperçu. Un élève est reconnu par son INE, sinon son adresse
            e-mail, sinon son nom et sa date de naissance.
          </p>
        </details>
      </Card>

      <section aria-labelledby="imports-recents" className="space-y-3">
        <h2 id="imports-recents" className="text-lg font-semibold">
          Imports récents
        </h2>
        {imports.length === 0 ? (
          <p className="text-slate-600">Aucun import pour l’instant.</p>
        ) : (
          <Table caption="Imports récents">
            <THead>
              <Tr>
                <Th>Fichier</Th>
                <Th>Année</Th>
                <Th>État</Th>
                <Th>Créés</Th>
                <Th>Mis à jour</Th>
                <Th>Inchangés</Th>
                <Th>Erreurs</Th>
                <Th>Le</Th>
              </Tr>
            </THead>
            <TBody>
              {imports.map((i) => {
                const summary = i.summary as ImportSummary | null
                return (
                  <Tr key={i.id}>
                    <Td className="break-all">
                      <Link
                        href={`/equipe/eleves/import/${i.id}`}
                        className="text-brand-700 underline"
                      >
                        {i.fileName}
                      </Link>
                    </Td>
                    <Td>{i.schoolYearLabel}</Td>
                    <Td>
                      <Badge tone={i.status === 'applied' ? 'success' : 'neutral'}>
                        {statusLabels[i.status]}
                      </Badge>
                    </Td>
                    <Td>{summary?.created ?? '—'}</Td>
                    <Td>{summary?.updated ?? '—'}</Td>
                    <Td>{summary?.unchanged ?? '—'}</Td>
                    <Td>{summary?.errors ?? '—'}</Td>
                    <Td>{formatDateTime(i.appliedAt ?? i.createdAt)}</Td>
                  </Tr>
                )
              })}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  )
}
