import { and, asc, eq, inArray, or } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  auditLog,
  establishments,
  programmes,
  recommendationRequests,
} from '@/db/schema'
import { formatDate } from '@/lib/format'
import { stateLabels, type ApplicationState } from './application-status'
import { isUuid } from '@/lib/validation/uuid'

/** One of the candidate's own applications (anyone else's is "not found"). */
export async function ownApplication(db: Executor, userId: string, applicationId: string) {
  if (!isUuid(applicationId)) return undefined
  const [row] = await db
    .select({
      application: applications,
      campaign: admissionCampaigns,
      programmeName: programmes.name,
      establishmentName: establishments.name,
    })
    .from(applications)
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(and(eq(applications.id, applicationId), eq(applications.candidateUserId, userId)))
  return row
}

export type TimelineEvent = { at: Date; label: string; detail?: string }

type AuditRow = typeof auditLog.$inferSelect
const field = (value: unknown, key: string) =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * What the candidate may read of an audit entry about their file, in their words; null for
 * what is internal (staff views, exports, downloads). Staff are never named.
 */
export function timelineLabel(
  entry: Pick<AuditRow, 'action' | 'before' | 'after'>,
  recommenderName?: string,
): Omit<TimelineEvent, 'at'> | null {
  const after = entry.after
  switch (entry.action) {
    case 'application.submitted':
      return { label: 'Candidature déposée' }
    case 'application.status_changed': {
      const status = text(field(after, 'status')) as ApplicationState | undefined
      if (!status) return null
      const labels: Partial<Record<ApplicationState, string>> = {
        incomplete: 'Dossier incomplet',
        complete: 'Dossier complet',
        under_review: 'Dossier en cours d’examen par la commission',
        admitted: 'Avis favorable',
        waitlisted: 'Inscrit(e) sur liste d’attente',
        rejected: 'Avis défavorable',
        confirmed: 'Vous avez confirmé votre inscription',
        withdrawn: 'Vous vous êtes désisté(e)',
        auto_withdrawn: 'Désistement automatique (pas de réponse dans le délai)',
      }
      return { label: labels[status] ?? stateLabels[status] }
    }
    case 'document.uploaded':
      return { label: 'Pièce déposée', detail: text(field(after, 'document')) }
    case 'document.replaced':
      return { label: 'Pièce remplacée', detail: text(field(after, 'document')) }
    case 'document.reviewed': {
      const status = text(field(after, 'status'))
      const name = text(field(after, 'document'))
      if (status === 'valid') return { label: 'Pièce validée', detail: name }
      if (status === 'refused')
        return {
          label: 'Pièce refusée',
          detail: [name, text(field(after, 'reason'))].filter(Boolean).join(' — '),
        }
      return null
    }
    case 'recommendation.submitted':
      return { label: 'Recommandation reçue', detail: recommenderName }
    case 'recommendation.declined':
      return { label: 'Recommandation déclinée', detail: recommenderName }
    case 'recommendation.bounced':
      return { label: 'Adresse de recommandant invalide', detail: recommenderName }
    case 'recommendation.replaced':
      return { label: 'Recommandant remplacé', detail: recommenderName }
    default:
      return null
  }
}

/** The application's history as the candidate sees it, oldest first. */
export async function candidateTimeline(
  db: Executor,
  applicationId: string,
): Promise<TimelineEvent[]> {
  const requests = await db
    .select({ id: recommendationRequests.id, name: recommendationRequests.recommenderName })
    .from(recommendationRequests)
    .where(eq(recommendationRequests.applicationId, applicationId))
  const names = new Map(requests.map((r) => [r.id, r.name]))
  const entries = await db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.subjectType, 'application'), eq(auditLog.subjectId, applicationId)),
        requests.length
          ? and(
              eq(auditLog.subjectType, 'recommendation_request'),
              inArray(
                auditLog.subjectId,
                requests.map((r) => r.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
  return entries.flatMap((entry) => {
    const shown = timelineLabel(entry, names.get(entry.subjectId))
    return shown ? [{ at: entry.createdAt, ...shown }] : []
  })
}

/** What the candidate should do next, in one sentence. */
export function nextStep(
  state: ApplicationState,
  facts: {
    responseDeadline: Date | null
    missingDocuments: number
    refusedDocuments: number
    awaitedRecommendations: number
    recommendersToReplace?: number
  },
): string {
  switch (state) {
    case 'draft':
      return 'Complétez votre dossier et déposez-le avant la date de clôture.'
    case 'submitted':
    case 'incomplete':
    case 'complete':
      if (facts.refusedDocuments > 0)
        return `Remplacez ${facts.refusedDocuments > 1 ? `les ${facts.refusedDocuments} pièces refusées` : 'la pièce refusée'} ci-dessous.`
      if (facts.missingDocuments > 0)
        return `Déposez ${facts.missingDocuments > 1 ? `les ${facts.missingDocuments} pièces demandées` : 'la pièce demandée'} ci-dessous : l’établissement l’attend pour examiner votre dossier.`
      if (facts.recommendersToReplace)
        return `${facts.recommendersToReplace > 1 ? `${facts.recommendersToReplace} recommandants ne pourront pas répondre` : 'Un recommandant ne pourra pas répondre'} : proposez quelqu’un d’autre depuis votre espace.`
      if (facts.awaitedRecommendations > 0)
        return `Nous attendons encore ${facts.awaitedRecommendations} recommandation${facts.awaitedRecommendations > 1 ? 's' : ''} : relancez vos recommandants si besoin.`
      return 'Rien à faire pour l’instant : l’établissement vérifie votre dossier.'
    case 'under_review':
      return 'Rien à faire : la commission examine votre dossier. Vous serez prévenu(e) par e-mail de la décision.'
    case 'admitted':
      return facts.responseDeadline
        ? `Confirmez ou refusez votre place avant le ${formatDate(facts.responseDeadline)}, sinon elle sera libérée.`
        : 'Confirmez ou refusez votre place.'
    case 'waitlisted':
      return 'Vous êtes sur liste d’attente : si une place se libère, vous serez prévenu(e) par e-mail.'
    case 'rejected':
      return 'La commission n’a pas retenu votre candidature.'
    case 'confirmed':
      return 'Votre inscription est confirmée : l’établissement vous contactera pour la suite.'
    case 'withdrawn':
    case 'auto_withdrawn':
      return 'Cette candidature est close.'
  }
}
