import { createHash } from 'node:crypto'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applicationDocuments,
  applications,
  campaignDocuments,
  programmes,
  type ApplicationDocument,
  type DocumentStatus,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { UserFacingError } from '@/lib/errors'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { storage } from '@/lib/storage'
import { pendingStates, type ApplicationState } from './application-status'
import { campaignPhase, type CampaignPhase } from './campaigns'
import { reviewCompleteness } from './completeness'
import { inspectUpload, storedFileKey } from '@/lib/storage/document-file'
import type { DocumentFormat } from '@/lib/storage/document-formats'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'
import { isUuid } from '@/lib/validation/uuid'

/** The documents a campaign asks for, in order. */
export async function campaignDocumentsOf(db: Executor, campaignId: string) {
  return db
    .select()
    .from(campaignDocuments)
    .where(eq(campaignDocuments.campaignId, campaignId))
    .orderBy(asc(campaignDocuments.position))
}

/** The files given for an application (never the file bytes), by requested document. */
export async function applicationDocumentsOf(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return []
  return db
    .select()
    .from(applicationDocuments)
    .where(inArray(applicationDocuments.applicationId, applicationIds))
}

type Uploader = { id: string; email: string }

/**
 * Why the candidate may not give this file now, or null when they may: in a draft, while
 * the campaign is open; after submission, only to replace a refused document or to give a
 * required one the school added since (even after the closing date: the school asked for it).
 */
export function uploadRefusal(state: {
  applicationStatus: ApplicationState
  phase: CampaignPhase
  documentStatus?: DocumentStatus
  required?: boolean
}): string | null {
  if (state.applicationStatus === 'draft') {
    if (state.phase === 'open') return null
    return state.phase === 'upcoming'
      ? 'Cette campagne n’est pas encore ouverte : le dépôt de pièces commencera à son ouverture.'
      : 'Cette campagne est close : le dépôt de pièces n’est plus possible.'
  }
  if (!(pendingStates as readonly string[]).includes(state.applicationStatus))
    return 'Votre dossier a déjà été examiné : ses pièces ne peuvent plus être modifiées.'
  if (state.documentStatus === 'refused') return null
  if (!state.documentStatus && state.required) return null
  return 'Votre dossier est déposé : seule une pièce refusée ou manquante peut être déposée.'
}

/** The documents a campaign asks for, with the candidate's file for each and what they may do. */
export async function uploaderItems(
  db: Executor,
  campaign: { id: string; opensAt: Date; closesAt: Date },
  application: { id: string; status: ApplicationState } | undefined,
  now: Date = new Date(),
) {
  const [requirements, files] = await Promise.all([
    campaignDocumentsOf(db, campaign.id),
    application ? applicationDocumentsOf(db, [application.id]) : [],
  ])
  const phase = campaignPhase(campaign, now)
  const status = application?.status ?? 'draft'
  return requirements.map((r) => {
    const file = files.find((f) => f.campaignDocumentId === r.id)
    return {
      requirementId: r.id,
      name: r.name,
      helpText: r.helpText,
      formats: r.formats as DocumentFormat[],
      maxBytes: r.maxBytes,
      required: r.required,
      editable:
        uploadRefusal({
          applicationStatus: status,
          phase,
          documentStatus: file?.status,
          required: r.required,
        }) === null,
      removable: Boolean(file) && status === 'draft' && phase === 'open',
      current: file
        ? {
            id: file.id,
            fileName: file.fileName,
            size: file.size,
            status: file.status,
            refusalReason: file.refusalReason,
          }
        : null,
    }
  })
}

/** The size limit of one requested document of a campaign (checked before reading an upload), or null when unknown. */
export async function documentSizeLimit(
  db: Executor,
  params: { campaignId: string; documentId: string },
): Promise<number | null> {
  const [requirement] = await db
    .select({ maxBytes: campaignDocuments.maxBytes })
    .from(campaignDocuments)
    .where(
      and(
        eq(campaignDocuments.id, params.documentId),
        eq(campaignDocuments.campaignId, params.campaignId),
      ),
    )
  return requirement?.maxBytes ?? null
}

/**
 * Stores a candidate's file for one requested document. The type is read from the bytes;
 * the file gets a generated name. In a draft any document may be given or replaced while
 * the campaign is open; after submission only a refused one may be replaced. The file is
 * written before the transaction and deleted if it does not commit; a replaced file is
 * deleted after the commit.
 */
export async function uploadDocument(
  db: Database,
  params: {
    user: Uploader
    campaignId: string
    campaignDocumentId: string
    bytes: Uint8Array
    originalName: string
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
): Promise<{ document: ApplicationDocument; applicationId: string }> {
  const now = params.now ?? new Date()
  if (!isUuid(params.campaignId) || !isUuid(params.campaignDocumentId))
    throw new UserFacingError('Pièce introuvable.')
  const [found] = await db
    .select({ requirement: campaignDocuments, campaign: admissionCampaigns })
    .from(campaignDocuments)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, campaignDocuments.campaignId))
    .where(
      and(
        eq(campaignDocuments.id, params.campaignDocumentId),
        eq(campaignDocuments.campaignId, params.campaignId),
      ),
    )
  if (!found) throw new UserFacingError('Pièce introuvable.')
  const { requirement, campaign } = found

  const inspected = await inspectUpload(params.bytes, {
    allowed: requirement.formats as DocumentFormat[],
    maxBytes: requirement.maxBytes,
    originalName: params.originalName,
  })
  if (!inspected.ok) throw new UserFacingError(inspected.message, { file: [inspected.message] })

  // Written inside the transaction (the key names the application); removed again if the
  // transaction does not commit, whatever failed.
  let key: string | undefined
  const result = await db
    .transaction(async (tx) => {
      await tx
        .insert(applications)
        .values({
          establishmentId: campaign.establishmentId,
          campaignId: campaign.id,
          candidateUserId: params.user.id,
          email: params.user.email,
        })
        .onConflictDoNothing({ target: [applications.campaignId, applications.candidateUserId] })
      const [application] = await tx
        .select()
        .from(applications)
        .where(
          and(
            eq(applications.campaignId, campaign.id),
            eq(applications.candidateUserId, params.user.id),
          ),
        )
        .for('update')
      const [previous] = await tx
        .select()
        .from(applicationDocuments)
        .where(
          and(
            eq(applicationDocuments.applicationId, application!.id),
            eq(applicationDocuments.campaignDocumentId, requirement.id),
          ),
        )
      const refusal = uploadRefusal({
        applicationStatus: application!.status,
        phase: campaignPhase(campaign, now),
        documentStatus: previous?.status,
        required: requirement.required,
      })
      if (refusal) throw new UserFacingError(refusal, { file: [refusal] })

      const newKey = storedFileKey({
        establishmentId: campaign.establishmentId,
        ownerId: application!.id,
        ext: inspected.extension,
      })
      key = newKey
      await storage().put(newKey, params.bytes, inspected.mime)
      const values = {
        storageKey: newKey,
        fileName: inspected.displayName,
        mimeType: inspected.mime,
        size: inspected.size,
        sha256: createHash('sha256').update(params.bytes).digest('hex'),
        status: 'pending' as const,
        refusalReason: null,
        reviewedByUserId: null,
        reviewedAt: null,
        uploadedAt: now,
        updatedAt: now,
      }
      const [document] = await tx
        .insert(applicationDocuments)
        .values({ applicationId: application!.id, campaignDocumentId: requirement.id, ...values })
        .onConflictDoUpdate({
          target: [applicationDocuments.applicationId, applicationDocuments.campaignDocumentId],
          set: values,
        })
        .returning()
      await recordAudit(tx, {
        establishmentId: campaign.establishmentId,
        actorUserId: params.user.id,
        action: previous ? 'document.replaced' : 'document.uploaded',
        subjectType: 'application',
        subjectId: application!.id,
        before: previous
          ? { document: requirement.name, file: previous.fileName, status: previous.status }
          : null,
        after: {
          document: requirement.name,
          file: document!.fileName,
          size: document!.size,
          status: 'pending',
        },
        ip: params.ip ?? null,
        userAgent: params.userAgent ?? null,
      })
      return {
        document: document!,
        applicationId: application!.id,
        previousKey: previous?.storageKey,
      }
    })
    .catch(async (error: unknown) => {
      if (key)
        await storage()
          .delete(key)
          .catch(() => undefined)
      throw error
    })
  if (result.previousKey)
    await storage()
      .delete(result.previousKey)
      .catch(() => undefined)
  return { document: result.document, applicationId: result.applicationId }
}

/** Removes a file from a draft (the candidate's own, while the campaign is open). */
export async function removeDraftDocument(
  db: Database,
  params: { userId: string; documentId: string; now?: Date },
) {
  if (!isUuid(params.documentId)) throw new UserFacingError('Pièce introuvable.')
  const key = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        document: applicationDocuments,
        status: applications.status,
        campaign: admissionCampaigns,
      })
      .from(applicationDocuments)
      .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .where(
        and(
          eq(applicationDocuments.id, params.documentId),
          eq(applications.candidateUserId, params.userId),
        ),
      )
      .for('update', { of: applicationDocuments })
    if (!row) throw new UserFacingError('Pièce introuvable.')
    if (row.status !== 'draft' || campaignPhase(row.campaign, params.now) !== 'open')
      throw new UserFacingError('Cette pièce ne peut plus être retirée.')
    await tx.delete(applicationDocuments).where(eq(applicationDocuments.id, row.document.id))
    return row.document.storageKey
  })
  await storage()
    .delete(key)
    .catch(() => undefined)
}

/**
 * A staff verdict on a document: valid, or refused with a reason (the candidate is told by
 * email and may replace it). A verdict given by mistake may be reversed while the file
 * awaits its decision. The file's completeness is re-read in the same transaction.
 */
export async function reviewDocument(
  db: Database,
  params: {
    scope: StaffScope
    actorUserId: string
    documentId: string
    verdict: 'valid' | 'refused'
    reason?: string
    now?: Date
  },
) {
  const now = params.now ?? new Date()
  if (!isUuid(params.documentId)) throw new UserFacingError('Pièce introuvable.')
  const reason = params.reason?.trim() ?? ''
  if (params.verdict === 'refused' && reason.length < 3)
    throw new UserFacingError('Indiquez le motif du refus.', {
      reason: ['Motif : indiquez pourquoi la pièce est refusée.'],
    })
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        document: applicationDocuments,
        application: applications,
        requirementName: campaignDocuments.name,
        programmeName: programmes.name,
      })
      .from(applicationDocuments)
      .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
      .innerJoin(
        campaignDocuments,
        eq(campaignDocuments.id, applicationDocuments.campaignDocumentId),
      )
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .where(and(eq(applicationDocuments.id, params.documentId), scopeCondition(params.scope)))
      .for('update', { of: applicationDocuments })
    if (!row) throw new UserFacingError('Pièce introuvable.')
    const { document, application } = row
    if (!(pendingStates as readonly string[]).includes(application.status))
      throw new UserFacingError(
        'Les pièces ne se vérifient que sur un dossier déposé, avant la décision.',
      )
    // The same verdict twice (a double click, two people at once) changes nothing and mails no one.
    if (document.status === params.verdict) return { status: null, unchanged: true }
    await tx
      .update(applicationDocuments)
      .set({
        status: params.verdict,
        refusalReason: params.verdict === 'refused' ? reason : null,
        reviewedByUserId: params.actorUserId,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(eq(applicationDocuments.id, document.id))
    await recordAudit(tx, {
      establishmentId: application.establishmentId,
      actorUserId: params.actorUserId,
      action: 'document.reviewed',
      subjectType: 'application',
      subjectId: application.id,
      before: { document: row.requirementName, status: document.status },
      after: {
        document: row.requirementName,
        status: params.verdict,
        reason: params.verdict === 'refused' ? reason : undefined,
      },
    })
    if (params.verdict === 'refused') {
      await enqueueEmail(tx, {
        template: 'document-refused',
        to: application.email,
        establishmentId: application.establishmentId,
        props: {
          candidateName: application.firstName ?? '',
          documentName: row.requirementName,
          reason,
          programmeName: row.programmeName,
          applicationUrl: `${appUrl()}/espace/candidatures/${application.id}`,
        },
      })
    }
    return { status: await reviewCompleteness(tx, application.id, { now }), unchanged: false }
  })
}

/**
 * A document the viewer may download: their own, or one of an application in their staff
 * scope. Anything else is "not found".
 */
export async function documentForDownload(
  db: Executor,
  params: { documentId: string; userId: string; scopes: StaffScope[] },
) {
  if (!isUuid(params.documentId)) return null
  const [row] = await db
    .select({
      document: applicationDocuments,
      candidateUserId: applications.candidateUserId,
      establishmentId: applications.establishmentId,
    })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(eq(applicationDocuments.id, params.documentId))
  if (!row) return null
  if (row.candidateUserId === params.userId) return { ...row, viewer: 'candidate' as const }
  for (const scope of params.scopes.filter((s) => s.establishmentId === row.establishmentId)) {
    const [inScope] = await db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(applicationDocuments, eq(applicationDocuments.applicationId, applications.id))
      .where(and(eq(applicationDocuments.id, params.documentId), scopeCondition(scope)))
    if (inScope) return { ...row, viewer: 'staff' as const }
  }
  return null
}

/** Every requested document of the campaign with the file given for it, for staff. */
export async function staffDocuments(db: Executor, campaignId: string, applicationId: string) {
  const [requirements, files] = await Promise.all([
    campaignDocumentsOf(db, campaignId),
    applicationDocumentsOf(db, [applicationId]),
  ])
  return requirements.map((requirement) => ({
    requirement,
    file: files.find((f) => f.campaignDocumentId === requirement.id) ?? null,
  }))
}
