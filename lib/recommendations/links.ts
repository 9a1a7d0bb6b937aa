import { recommendationStates } from './application-window'
import { and, eq, gt, isNull, ne, sql, inArray } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/pg-core'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  establishments,
  programmes,
  recommendationLinks,
  recommendationRequests,
  type LinkKind,
  type RequestStatus,
} from '@/db/schema'
import { appUrl } from '@/lib/config/settings'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { changeRequestStatus } from './request-status-change'
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from '@/lib/auth/link-tokens'

export const recommendationUrl = (token: string) => `${appUrl()}/recommandation/${token}`

const openLinkFields = {
  linkId: recommendationLinks.id,
  linkKind: recommendationLinks.kind,
  request: recommendationRequests,
  application: {
    id: applications.id,
    firstName: applications.firstName,
    lastName: applications.lastName,
    email: applications.email,
    diploma: applications.diploma,
    currentEstablishment: applications.currentEstablishment,
    specialty: applications.specialty,
  },
  campaign: {
    id: admissionCampaigns.id,
    name: admissionCampaigns.name,
    recommendationDeadline: admissionCampaigns.recommendationDeadline,
  },
  programmeName: programmes.name,
  establishmentName: establishments.name,
}

/**
 * What a valid link opens, with `extra` columns read in the same query (subqueries on the
 * request, the application or the campaign). Unknown, expired and revoked links, and links
 * of a withdrawn application, all give null: the caller shows one and the same "lien
 * invalide" page.
 */
export async function findOpenLinkWith<Extra extends SelectedFields>(
  db: Executor,
  token: string,
  now: Date,
  extra: Extra,
) {
  if (!looksLikeLinkToken(token)) return null
  const [row] = await db
    .select({ ...openLinkFields, ...extra })
    .from(recommendationLinks)
    .innerJoin(recommendationRequests, eq(recommendationRequests.id, recommendationLinks.requestId))
    .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(
      and(
        eq(recommendationLinks.tokenHash, hashLinkToken(token)),
        isNull(recommendationLinks.revokedAt),
        ne(recommendationRequests.status, 'revoked'),
        gt(recommendationRequests.expiresAt, now),
        inArray(applications.status, recommendationStates),
      ),
    )
  return row ?? null
}

/** What a valid link opens, or null (see findOpenLinkWith). */
export const findOpenLink = (db: Executor, token: string, now: Date = new Date()) =>
  findOpenLinkWith(db, token, now, {})
export type OpenLink = NonNullable<Awaited<ReturnType<typeof findOpenLink>>>

/**
 * What `findOpenLink` checked, as conditions on the request row of an update: the link not
 * revoked, the deadline not passed, the application still open to recommendations.
 */
export const linkStillOpens = (link: { linkId: string }, now: Date) =>
  and(
    gt(recommendationRequests.expiresAt, now),
    sql`exists (select 1 from ${recommendationLinks} where ${recommendationLinks.id} = ${link.linkId} and ${recommendationLinks.revokedAt} is null)`,
    sql`exists (select 1 from ${applications} where ${applications.id} = ${recommendationRequests.applicationId} and ${inArray(applications.status, recommendationStates)})`,
  )!

/**
 * Inside the transaction that answers through a link read before it: locks the request and
 * checks again, cheaply, what `findOpenLink` checked (link and request alive, deadline not
 * passed, application still open to recommendations). Returns the request's status as it
 * is now, or null when the link no longer opens it.
 */
export async function lockOpenRequest(
  tx: Executor,
  link: { linkId: string; request: { id: string } },
  now: Date,
): Promise<RequestStatus | null> {
  const [row] = await tx
    .select({ status: recommendationRequests.status })
    .from(recommendationRequests)
    .innerJoin(
      recommendationLinks,
      and(
        eq(recommendationLinks.id, link.linkId),
        eq(recommendationLinks.requestId, recommendationRequests.id),
      ),
    )
    .innerJoin(applications, eq(applications.id, recommendationRequests.applicationId))
    .where(
      and(
        eq(recommendationRequests.id, link.request.id),
        isNull(recommendationLinks.revokedAt),
        ne(recommendationRequests.status, 'revoked'),
        gt(recommendationRequests.expiresAt, now),
        inArray(applications.status, recommendationStates),
      ),
    )
    .for('update', { of: recommendationRequests })
  return row?.status ?? null
}

/** Records that the recommender opened the link (GET): "ouverte" on the request, first opening on the link. */
export async function recordOpening(
  db: Executor,
  link: { linkId: string; request: { id: string; status: RequestStatus } },
  now: Date = new Date(),
) {
  await db
    .update(recommendationLinks)
    .set({ firstOpenedAt: sql`coalesce(${recommendationLinks.firstOpenedAt}, ${now})` })
    .where(eq(recommendationLinks.id, link.linkId))
  const opened =
    link.request.status === 'invited' &&
    (await changeRequestStatus(db, link.request, {
      to: 'opened',
      by: 'recommender',
      now,
      set: { openedAt: sql`coalesce(${recommendationRequests.openedAt}, ${now})` },
    }))
  // Opened before, answered, or moved since it was read: only the first opening is kept.
  if (!opened)
    await db
      .update(recommendationRequests)
      .set({ openedAt: sql`coalesce(${recommendationRequests.openedAt}, ${now})` })
      .where(eq(recommendationRequests.id, link.request.id))
}

export type InvitationContext = {
  establishmentId: string
  candidateName: string
  programmeName: string
  establishmentName: string
  deadline: Date
  questionCount: number
}

/**
 * Issues a new link for a request and queues the email carrying it, in the caller's
 * transaction. The token exists only in that email.
 */
export async function issueLinkEmail(
  tx: Executor,
  request: { id: string; recommenderName: string; recommenderEmail: string },
  kind: LinkKind,
  context: InvitationContext,
  options: { dedupeKey?: string; daysLeft?: number } = {},
): Promise<{ emailId: string | null; linkId: string | null }> {
  const { token, hash } = generateLinkToken()
  const emailId = await enqueueEmail(tx, {
    template: 'recommendation-invitation',
    to: request.recommenderEmail,
    establishmentId: context.establishmentId,
    dedupeKey: options.dedupeKey,
    props: {
      recommenderName: request.recommenderName,
      candidateName: context.candidateName,
      programmeName: context.programmeName,
      establishmentName: context.establishmentName,
      deadline: formatDate(context.deadline),
      url: recommendationUrl(token),
      questionCount: context.questionCount,
      reminder: options.daysLeft ? { daysLeft: options.daysLeft } : undefined,
    },
  })
  // No email (its dedupe key was already used): no link either, the token is simply dropped.
  if (!emailId) return { emailId: null, linkId: null }
  const [link] = await tx
    .insert(recommendationLinks)
    .values({ requestId: request.id, kind, tokenHash: hash, emailId })
    .returning({ id: recommendationLinks.id })
  return { emailId, linkId: link!.id }
}

/** Kills every link of a request (replacement, withdrawal). */
export async function revokeLinks(tx: Executor, requestId: string, now: Date = new Date()) {
  await tx
    .update(recommendationLinks)
    .set({ revokedAt: now })
    .where(and(eq(recommendationLinks.requestId, requestId), isNull(recommendationLinks.revokedAt)))
}
