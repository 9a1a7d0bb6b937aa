import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { requireStaff } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format'
import type { SourceRow } from '@/lib/school/student-import/csv'
import {
  importOf,
  type ImportSummary,
  type StoredMapping,
} from '@/lib/school/student-import/imports'
import { importFieldLabels, importFields } from '@/lib/school/student-import/mapping'
import type { RowError } from '@/lib/school/student-import/rows'
import { isUuid } from '@/lib/validation/uuid'
import { ImportConfirmForm } from '@/components/school/import-confirm-form'
import { ImportMappingForm } from '@/components/school/import-mapping-form'
import { Card, CardTitle } from '@/components/ui/card'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Aperçu de l’import' }

const PREVIEW_ROWS = 10
const SHOWN_ERRORS = 200
const encodingLabels = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
} as const
const separatorLabels = { ';': 'points-virgules', ',': 'virgules', '\t': 'tabulations' } as const

function Counts({ summary, applied }: { summary: ImportSummary; applied: boolean }) {
  const items = [
    [applied ? 'Créés' : 'À créer', summary.created],
    [applied ? 'Mis à jour' : 'À mettre à jour', summary.updated],
    ['Inchangés', summary.unchanged],
    ['Lignes en erreur', summary.errors],
    ...(summary.invited !== undefined ? [['Invités', summary.invited] as const] : []),
  ] as const
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="text-2xl font-bold">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export default async function ImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { establishmentId } = await requireStaff('students.import', {
    callbackUrl: `/equipe/eleves/import/${id}`,
  })
  const row = isUuid(id) ? await importOf(db, establishmentId, id) : null
  if (!row) notFound()
  const mapping = row.mapping as StoredMapping
  const summary = row.summary as ImportSummary
  const errors = row.errors as RowError[]
  const applied = row.status === 'applied'
  const errorByLine = new Map(errors.map((e) => [e.line, e]))
  const sample = (row.rows as SourceRow[]).slice(0, PREVIEW_ROWS)
  const mapped = importFields.filter((f) => mapping.columns[f] !== null)

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/equipe/eleves/import" className="text-brand-700 underline">
            Importer des élèves
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {applied ? 'Import terminé' : 'Aperçu de l’import'} : {row.fileName}
        </h1>
        <p className="text-slate-700">
          {row.rows instanceof Array ? (row.rows as SourceRow[]).length : 0} lignes lues,{' '}
          {mapping.format === 'xlsx'
            ? 'classeur XLSX'
            : `CSV en ${encodingLabels[mapping.encoding ?? 'utf-8']}, séparé par des ${separatorLabels[mapping.separator ?? ';']}`}
          .{' '}
          {applied && row.appliedAt
            ? `Importé le ${formatDateTime(row.appliedAt)}.`
            : 'Rien n’est encore importé.'}
        </p>
      </div>

      {mapping.warnings.map((w) => (
        <p
          key={w}
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {w}
        </p>
      ))}

      <section aria-labelledby="bilan" className="space-y-3">
        <h2 id="bilan" className="text-lg font-semibold">
          {applied ? 'Bilan' : 'Ce que l’import fera'}
        </h2>
        <Counts summary={summary} applied={applied} />
        {applied ? (
          <p>
            <Link href="/equipe/classes" className="text-brand-700 underline">
              Voir les classes
            </Link>
          </p>
        ) : null}
      </section>

      {!applied ? (
        <Card className="space-y-4">
          <CardTitle>Correspondance des colonnes</CardTitle>
          <ImportMappingForm
            key={JSON.stringify(mapping.columns) + mapping.createMissingClasses}
            importId={row.id}
            headers={mapping.headers}
            columns={mapping.columns}
            createMissingClasses={mapping.createMissingClasses}
            missingClasses={summary.missingClasses}
          />
        </Card>
      ) : null}

      {!applied ? (
        <section aria-labelledby="premieres-lignes" className="space-y-3">
          <h2 id="premieres-lignes" className="text-lg font-semibold">
            Premières lignes
          </h2>
          <Table caption="Premières lignes du fichier, telles qu’elles seront lues">
            <THead>
              <Tr>
                <Th>Ligne</Th>
                {mapped.map((f) => (
                  <Th key={f}>{importFieldLabels[f]}</Th>
                ))}
                <Th>État</Th>
              </Tr>
            </THead>
            <TBody>
              {sample.map((r) => {
                const error = errorByLine.get(r.line)
                return (
                  <Tr key={r.line} className={error ? 'bg-red-50' : undefined}>
                    <Td>{r.line}</Td>
                    {mapped.map((f) => (
                      <Td key={f}>{r.cells[mapping.columns[f]!] ?? ''}</Td>
                    ))}
                    <Td>{error ? error.reasons.join(' ') : 'OK'}</Td>
                  </Tr>
                )
              })}
            </TBody>
          </Table>
        </section>
      ) : null}

      <section aria-labelledby="erreurs" className="space-y-3">
        <h2 id="erreurs" className="text-lg font-semibold">
          Lignes en erreur ({errors.length})
        </h2>
        {errors.length === 0 ? (
          <p className="text-slate-700">Aucune ligne en erreur.</p>
        ) : (
          <>
            <p className="text-slate-700">
              {applied
                ? 'Ces lignes n’ont pas été importées.'
                : 'Ces lignes ne seront pas importées : corrigez le fichier et importez-le à nouveau, ou changez la correspondance des colonnes.'}
            </p>
            <Table caption="Lignes en erreur">
              <THead>
                <Tr>
                  <Th>Ligne</Th>
                  <Th>Élève</Th>
                  <Th>Raison</Th>
                </Tr>
              </THead>
              <TBody>
                {errors.slice(0, SHOWN_ERRORS).map((e) => (
                  <Tr key={e.line}>
                    <Td>{e.line}</Td>
                    <Td>{e.name}</Td>
                    <Td>{e.reasons.join(' ')}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {errors.length > SHOWN_ERRORS ? (
              <p className="text-sm text-slate-600">
                Et {errors.length - SHOWN_ERRORS} autres lignes en erreur.
              </p>
            ) : null}
          </>
        )}
      </section>

      {!applied ? (
        <Card className="space-y-4">
          <CardTitle>Confirmer</CardTitle>
          <p className="text-slate-700">
            Tout est importé d’un coup, ou rien si un problème survient. Les lignes en erreur sont
            laissées de côté.
          </p>
          <ImportConfirmForm
            importId={row.id}
            count={summary.created + summary.updated + summary.unchanged}
          />
        </Card>
      ) : null}
    </div>
  )
}
