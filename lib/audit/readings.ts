import type { Executor } from '@/db'
import { auditLog } from '@/db/schema'
import { recordAudit } from './record'
import type { Actor } from '@/lib/auth/actor'

/**
 * Every staff reading of a submitted recommendation is on record, whatever shows it (the
 * file page, the application's PDF summary): one entry per recommendation, so an admin who
 * filters the log on one recommendation sees every reading of it.
 */
export async function recordRecommendationReadings(
  db: Executor,
  reader: Actor,
  requestIds: string[],
  via: 'fiche' | 'synthese-pdf',
) {
  if (requestIds.length === 0) return
  await db.insert(auditLog).values(
    requestIds.map((subjectId) => ({
      ...reader,
      action: 'recommendation.viewed',
      subjectType: 'recommendation_request',
      subjectId,
      after: { via },
    })),
  )
}

export type ExportKind = 'applications' | 'si' | 'zip'
const exportActions: Record<ExportKind, string> = {
  applications: 'applications.exported',
  si: 'applications.exported_si',
  zip: 'documents.exported',
}

/** An export, with what it held (filters and columns, or the applications it covered). */
export async function recordExport(
  db: Executor,
  reader: Actor,
  kind: ExportKind,
  details: { format: string } & Record<string, unknown>,
) {
  await recordAudit(db, {
    ...reader,
    action: exportActions[kind],
    subjectType: 'export',
    subjectId: kind === 'zip' ? 'zip' : `${kind}-${details.format}`,
    after: details,
  })
}
