// The data a run needs, made with the app's own functions: one campaign asking one
// recommender per application, submitted applications, and the tokens of their links.
import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db'
import {
  applications,
  emailOutbox,
  recommendationLinks,
  recommendationRequests,
} from '../../db/schema'
import {
  applicationFormData,
  createCampaign,
  createEstablishment,
  createUser,
} from '../../db/test/factories'
import { submitApplication } from '../../lib/admissions/applications'
import { applicationSchema } from '../../lib/admissions/schemas'
import { campaignQuestions } from '../../lib/recommendations/questions'
import { runPool } from './measure'

export type PendingRecommendation = {
  requestId: string
  linkId: string
  establishmentId: string
  candidateEmail: string
  recommenderEmail: string
  /** The link's token, read from the invitation email (the database keeps only its hash). */
  token: string
}

export async function createBenchCampaign(db: Database) {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, { requiredRecommendations: 1 })
  return campaign
}

/** `count` candidates submit their application: each request is invited by email with its own link. */
export async function submitApplications(
  db: Database,
  campaignId: string,
  count: number,
  concurrency: number,
): Promise<PendingRecommendation[]> {
  const applicationIds: string[] = []
  await runPool(count, concurrency, async () => {
    const candidate = await createUser(db)
    const data = applicationSchema(1, candidate.email).parse(applicationFormData({}, 1))
    const { applicationId } = await submitApplication(db, {
      campaignId,
      user: { id: candidate.id, email: candidate.email },
      data,
    })
    applicationIds.push(applicationId)
  })
  const requests = await db
    .select()
    .from(recommendationRequests)
    .where(inArray(recommendationRequests.applicationId, applicationIds))
  const links = await db
    .select()
    .from(recommendationLinks)
    .where(
      inArray(
        recommendationLinks.requestId,
        requests.map((r) => r.id),
      ),
    )
  const invitations = await db
    .select({ id: emailOutbox.id, text: emailOutbox.text })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.template, 'recommendation-invitation'),
        inArray(
          emailOutbox.toAddress,
          requests.map((r) => r.recommenderEmail),
        ),
      ),
    )
  const candidates = await db
    .select({ id: applications.id, email: applications.email })
    .from(applications)
    .where(inArray(applications.id, applicationIds))

  return requests.map((request) => {
    const link = links.find((l) => l.requestId === request.id)
    const invitation = invitations.find((e) => e.id === request.invitationEmailId)
    const token = invitation?.text.match(/\/recommandation\/([A-Za-z0-9_-]{43})/)?.[1]
    const candidate = candidates.find((c) => c.id === request.applicationId)
    if (!link || !token || !candidate)
      throw new Error(`request ${request.id}: no link, invitation token or application`)
    return {
      requestId: request.id,
      linkId: link.id,
      establishmentId: request.establishmentId,
      candidateEmail: candidate.email,
      recommenderEmail: request.recommenderEmail,
      token,
    }
  })
}

/** A complete recommendation for the campaign's questions, as the form posts it. */
export async function recommendationInput(db: Database, campaignId: string) {
  const questions = await campaignQuestions(db, campaignId)
  const answers = Object.fromEntries(
    questions.map((q) => [
      q.id,
      q.kind === 'scale'
        ? 'tres_bien'
        : 'Étudiante sérieuse, rigoureuse et investie dans le travail de groupe.',
    ]),
  )
  return { answers, opinion: 'favorable', phone: '06 11 22 33 44', certified: true }
}
