import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  admissionCampaigns,
  applications,
  decisionMotivations,
  decisions,
  emailOutbox,
  establishments,
  programmes,
  type Application,
  type DecisionOutcome,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { appUrl } from '@/lib/config/settings'
import { UserFacingError } from '@/lib/errors'
import { formatDate } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { canTransition, stateLabels } from './application-status'
import { decisionMessage, type DecisionFacts } from './decision-letter'
import { ownApplication } from './candidate-tracking'
import type { StaffScope } from '@/lib/auth/staff-context'
import { scopeCondition } from './staff-scope'
import { changeStatus, lockApplication } from './status-change'

const DAY = 86_400_000
const outcomeLabels: Record<DecisionOutcome, string> = {
  admitted: 'Favorable',
  waitlisted: 'Liste d’attente',
  rejected: 'Défavorable',
}
export { outcomeLabels }

export type DecisionInput = {
  applicationId: string
  outcome: DecisionOutcome
  motivationId?: string | null
  motivationText?: string | null
  waitlistRank?: number | null
}

/** The establishment's active motivations for unfavourable decisions. */
export async function motivationsOf(db: Executor, establishmentId: string) {
  return db
    .select({ id: decisionMotivations.id, label: decisionMotivations.label })
    .from(decisionMotivations)
    .where(
      and(
        eq(decisionMotivations.establishmentId, establishmentId),
        eq(decisionMotivations.active, true),
      ),
    )
    .orderBy(asc(decisionMotivations.label))
}

/** Why this outcome cannot be decided for a file in that state, or null. */
export function decisionRefusal(
  status: Application['status'],
  outcome: DecisionOutcome,
): string | null {
  if (canTransition(status, outcome, 'staff')) return null
  return `Décision impossible : la candidature est « ${stateLabels[status]} »${status === 'complete' || status === 'submitted' || status === 'incomplete' ? ' et doit d’abord être mise en examen' : ''}.`
}

async function enterOne(
  tx: Executor,
  scope: StaffScope,
  actorUserId: string,
  campaignId: string,
  input: DecisionInput & { waitlistRank: number | null },
) {
  if (!/^[0-9a-f-]{36}$/i.test(input.applicationId))
    throw new UserFacingError('Candidature introuvable.')
  const [row] = await tx
    .select({
      id: applications.id,
      status: applications.status,
      firstName: applications.firstName,
      lastName: applications.lastName,
    })
    .from(applications)
    .where(
      and(
        eq(applications.id, input.applicationId),
        eq(applications.campaignId, campaignId),
        scopeCondition(scope),
      ),
    )
    .for('update')
  if (!row) throw new UserFacingError('Candidature introuvable.')
  const refusal = decisionRefusal(row.status, input.outcome)
  // In a bulk decision, say which file stops the whole batch.
  if (refusal)
    throw new UserFacingError(
      `${[row.firstName, row.lastName?.toUpperCase()].filter(Boolean).join(' ')} : ${refusal}`,
    )
  let motivationId: string | null = null
  if (input.outcome === 'rejected') {
    if (!input.motivationId)
      throw new UserFacingError('Un avis défavorable doit être motivé.', {
        motivationId: ['Motif : choisissez un motif dans la liste.'],
      })
    const [motivation] = await tx
      .select({ id: decisionMotivations.id })
      .from(decisionMotivations)
      .where(
        and(
          eq(decisionMotivations.id, input.motivationId),
          eq(decisionMotivations.establishmentId, scope.establishmentId),
          eq(decisionMotivations.active, true),
        ),
      )
    if (!motivation)
      throw new UserFacingError('Motif inconnu.', {
        motivationId: ['Motif : choisissez un motif dans la liste.'],
      })
    motivationId = motivation.id
  }
  const [replaced] = await tx
    .delete(decisions)
    .where(and(eq(decisions.applicationId, row.id), isNull(decisions.publishedAt)))
    .returning({ outcome: decisions.outcome, waitlistRank: decisions.waitlistRank })
  const [decision] = await tx
    .insert(decisions)
    .values({
      applicationId: row.id,
      outcome: input.outcome,
      waitlistRank: input.outcome === 'waitlisted' ? input.waitlistRank : null,
      motivationId,
      motivationText: input.outcome === 'rejected' ? input.motivationText?.trim() || null : null,
      enteredByUserId: actorUserId,
    })
    .returning()
  await recordAudit(tx, {
    establishmentId: scope.establishmentId,
    actorUserId,
    action: 'decision.entered',
    subjectType: 'application',
    subjectId: row.id,
    before: {
      status: row.status,
      ...(replaced ? { outcome: replaced.outcome, waitlistRank: replaced.waitlistRank } : {}),
    },
    after: { outcome: input.outcome, waitlistRank: decision!.waitlistRank, motivationId },
  })
  return decision!
}

/** The last waiting-list rank used in a campaign, published or only entered. */
async function lastWaitlistRank(tx: Executor, campaignId: string) {
  const [row] = await tx
    .select({
      max: sql<number>`greatest(
        (select coalesce(max(${applications.waitlistRank}), 0) from ${applications} where ${applications.campaignId} = ${campaignId}),
        (select coalesce(max(d.waitlist_rank), 0) from ${decisions} d join ${applications} a on a.id = d.application_id where a.campaign_id = ${campaignId} and d.published_at is null)
      )::int`,
    })
    .from(sql`(select 1) as one`)
  return row?.max ?? 0
}

/**
 * Records decisions (not yet published) for one or several files of a campaign, all or
 * none. Waitlisted files entered without a rank are ranked in the order given (the table
 * sends its ranking order), after every rank already used in the campaign.
 */
export async function enterDecisions(
  db: Database,
  params: {
    scope: StaffScope
    actorUserId: string
    campaignId: string
    decisions: DecisionInput[]
  },
) {
  if (params.decisions.length === 0)
    throw new UserFacingError('Sélectionnez au moins une candidature.')
  return db.transaction(async (tx) => {
    // Serialises rank allocation between two people entering waiting-list decisions at once.
    await tx
      .select({ id: admissionCampaigns.id })
      .from(admissionCampaigns)
      .where(eq(admissionCampaigns.id, params.campaignId))
      .for('update')
    let rank = await lastWaitlistRank(tx, params.campaignId)
    const out = []
    for (const input of params.decisions) {
      const waitlistRank = input.outcome === 'waitlisted' ? (input.waitlistRank ?? ++rank) : null
      if (waitlistRank) rank = Math.max(rank, waitlistRank)
      out.push(
        await enterOne(tx, params.scope, params.actorUserId, params.campaignId, {
          ...input,
          waitlistRank,
        }),
      )
    }
    return out
  })
}

/** Entered decisions awaiting publication for a campaign, in the scope. */
export async function pendingDecisions(db: Executor, scope: StaffScope, campaignId: string) {
  return db
    .select({
      decision: decisions,
      firstName: applications.firstName,
      lastName: applications.lastName,
      status: applications.status,
      motivation: decisionMotivations.label,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
    .where(
      and(
        eq(applications.campaignId, campaignId),
        scopeCondition(scope),
        isNull(decisions.publishedAt),
      ),
    )
    .orderBy(asc(decisions.outcome), asc(decisions.waitlistRank), asc(applications.lastName))
}

async function campaignContext(tx: Executor, campaignId: string) {
  const [row] = await tx
    .select({
      campaign: admissionCampaigns,
      programmeName: programmes.name,
      establishmentName: establishments.name,
      establishmentCity: establishments.city,
    })
    .from(admissionCampaigns)
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, admissionCampaigns.establishmentId))
    .where(eq(admissionCampaigns.id, campaignId))
  if (!row) throw new UserFacingError('Campagne introuvable.')
  return row
}
type CampaignContext = Awaited<ReturnType<typeof campaignContext>>

/** The date an admitted candidate answers by: the campaign's date if still ahead, else N days. */
export function responseDeadlineFor(
  campaign: { responseDeadline: Date | null; responseDays: number },
  now: Date,
): Date {
  if (campaign.responseDeadline && campaign.responseDeadline > now) return campaign.responseDeadline
  return new Date(now.getTime() + campaign.responseDays * DAY)
}

function factsOf(
  app: Application,
  context: CampaignContext,
  outcome: DecisionOutcome,
  extra: Partial<DecisionFacts> = {},
): DecisionFacts {
  return {
    outcome,
    firstName: app.firstName ?? '',
    lastName: app.lastName ?? '',
    programmeName: context.programmeName,
    establishmentName: context.establishmentName,
    spaceUrl: `${appUrl()}/espace/candidatures/${app.id}`,
    ...extra,
  }
}

/** Freezes the letter on the decision and queues the email that carries it. */
async function sendDecisionEmail(
  tx: Executor,
  app: Application,
  context: CampaignContext,
  decisionId: string,
  facts: DecisionFacts,
) {
  const message = decisionMessage(
    { subject: context.campaign.decisionEmailSubject, body: context.campaign.decisionEmailBody },
    facts,
  )
  await tx
    .update(decisions)
    .set({ letterSubject: message.subject, letterBody: message.body })
    .where(eq(decisions.id, decisionId))
  await enqueueEmail(tx, {
    template: 'decision',
    to: app.email,
    establishmentId: app.establishmentId,
    dedupeKey: `decision:${decisionId}`,
    props: {
      subject: message.subject,
      body: message.body,
      spaceUrl: facts.spaceUrl,
      hasLetter: true,
    },
    attachments: [{ kind: 'decision-letter', decisionId, fileName: 'lettre-de-decision.pdf' }],
  })
}

/**
 * Publishes entered decisions: in one transaction each file changes state through the
 * state machine (a file no longer in a decidable state refuses the whole publication, with
 * the reason), admitted candidates get their answer date, waitlisted ones their rank, and
 * every candidate the decision email with the PDF letter.
 */
export async function publishDecisions(
  db: Database,
  params: {
    scope: StaffScope
    actorUserId: string
    campaignId: string
    decisionIds?: string[]
    now?: Date
  },
) {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const context = await campaignContext(tx, params.campaignId)
    if (context.campaign.establishmentId !== params.scope.establishmentId)
      throw new UserFacingError('Campagne introuvable.')
    const pending = await pendingDecisions(tx, params.scope, params.campaignId)
    const chosen = params.decisionIds
      ? pending.filter((p) => params.decisionIds!.includes(p.decision.id))
      : pending
    if (chosen.length === 0) throw new UserFacingError('Aucune décision à publier.')
    const [ranks] = await tx
      .select({ max: sql<number>`coalesce(max(${applications.waitlistRank}), 0)::int` })
      .from(applications)
      .where(eq(applications.campaignId, params.campaignId))
    let nextRank = ranks?.max ?? 0
    const responseDeadline = responseDeadlineFor(context.campaign, now)
    for (const { decision } of chosen) {
      const app = await lockApplication(tx, decision.applicationId)
      const refusal = decisionRefusal(app.status, decision.outcome)
      if (refusal)
        throw new UserFacingError(`${app.firstName ?? ''} ${app.lastName ?? ''} : ${refusal}`)
      const waitlistRank =
        decision.outcome === 'waitlisted' ? (decision.waitlistRank ?? ++nextRank) : null
      if (waitlistRank) nextRank = Math.max(nextRank, waitlistRank)
      await changeStatus(tx, {
        applicationId: app.id,
        to: decision.outcome,
        actor: 'staff',
        actorUserId: params.actorUserId,
        now,
        set: {
          decidedAt: now,
          waitlistRank,
          responseDeadline: decision.outcome === 'admitted' ? responseDeadline : null,
        },
        details: { decisionId: decision.id },
      })
      await tx
        .update(decisions)
        .set({
          publishedAt: now,
          publishedByUserId: params.actorUserId,
          waitlistRank,
          updatedAt: now,
        })
        .where(eq(decisions.id, decision.id))
      const [motivation] = decision.motivationId
        ? await tx
            .select({ label: decisionMotivations.label })
            .from(decisionMotivations)
            .where(eq(decisionMotivations.id, decision.motivationId))
        : []
      await sendDecisionEmail(
        tx,
        app,
        context,
        decision.id,
        factsOf(app, context, decision.outcome, {
          waitlistRank,
          responseDeadline,
          motivation:
            [motivation?.label, decision.motivationText].filter(Boolean).join(' — ') || null,
        }),
      )
    }
    await recordAudit(tx, {
      establishmentId: params.scope.establishmentId,
      actorUserId: params.actorUserId,
      action: 'decisions.published',
      subjectType: 'campaign',
      subjectId: params.campaignId,
      after: { count: chosen.length },
    })
    return { published: chosen.length }
  })
}

/**
 * Offers the freed place to the first candidate on the campaign's waiting list (lowest
 * rank): admitted, with their own answer date, told by email. Returns who, or null.
 */
export async function promoteNext(
  tx: Executor,
  campaignId: string,
  now: Date,
): Promise<string | null> {
  const [next] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.campaignId, campaignId), eq(applications.status, 'waitlisted')))
    .orderBy(asc(applications.waitlistRank), asc(applications.decidedAt), asc(applications.id))
    .limit(1)
    .for('update', { skipLocked: true })
  if (!next) return null
  const context = await campaignContext(tx, campaignId)
  const responseDeadline = new Date(now.getTime() + context.campaign.responseDays * DAY)
  const { before } = await changeStatus(tx, {
    applicationId: next.id,
    to: 'admitted',
    actor: 'system',
    now,
    set: { decidedAt: now, responseDeadline },
    details: { promoted: true },
  })
  const [decision] = await tx
    .insert(decisions)
    .values({ applicationId: next.id, outcome: 'admitted', publishedAt: now })
    .returning({ id: decisions.id })
  await sendDecisionEmail(
    tx,
    before,
    context,
    decision!.id,
    factsOf(before, context, 'admitted', { promoted: true, responseDeadline }),
  )
  return next.id
}

/** The candidate accepts the place offered. */
export async function confirmPlace(
  db: Database,
  params: {
    userId: string
    applicationId: string
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
) {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const own = await ownApplication(tx, params.userId, params.applicationId)
    if (!own) throw new UserFacingError('Candidature introuvable.')
    const app = await lockApplication(tx, own.application.id)
    if (app.status === 'admitted' && app.responseDeadline && app.responseDeadline <= now)
      throw new UserFacingError('Le délai de réponse est dépassé : la place n’est plus réservée.')
    await changeStatus(tx, {
      applicationId: app.id,
      to: 'confirmed',
      actor: 'candidate',
      actorUserId: params.userId,
      now,
      set: { answeredAt: now },
      ip: params.ip,
      userAgent: params.userAgent,
    })
  })
}

/**
 * The candidate gives up: before a decision, a waiting-list place, or a place offered or
 * confirmed. Giving up a place offers it to the next on the waiting list.
 */
export async function withdraw(
  db: Database,
  params: {
    userId: string
    applicationId: string
    now?: Date
    ip?: string | null
    userAgent?: string | null
  },
) {
  const now = params.now ?? new Date()
  return db.transaction(async (tx) => {
    const own = await ownApplication(tx, params.userId, params.applicationId)
    if (!own) throw new UserFacingError('Candidature introuvable.')
    const { from } = await changeStatus(tx, {
      applicationId: own.application.id,
      to: 'withdrawn',
      actor: 'candidate',
      actorUserId: params.userId,
      now,
      set: { withdrawnAt: now, answeredAt: now },
      ip: params.ip,
      userAgent: params.userAgent,
    })
    const promoted =
      from === 'admitted' || from === 'confirmed'
        ? await promoteNext(tx, own.application.campaignId, now)
        : null
    return { promoted }
  })
}

export const REMINDER_BEFORE_DEADLINE_MS = 2 * DAY
const reminderKey = (applicationId: string, deadline: Date) =>
  `decision-reminder:${applicationId}:${deadline.toISOString()}`

/**
 * Admitted candidates who have not answered: a reminder two days before their answer date
 * (once per date), then, once the date has passed and the reminder went out, the automatic
 * withdrawal that offers the place to the next on the waiting list. Each file in its own
 * transaction, locked and re-checked: safe when two schedulers run at once.
 */
export async function runDecisionDeadlines(
  db: Database,
  now: Date = new Date(),
  options: { batch?: number } = {},
) {
  const due = await db
    .select({ id: applications.id, deadline: applications.responseDeadline })
    .from(applications)
    .where(
      and(
        eq(applications.status, 'admitted'),
        lte(applications.responseDeadline, new Date(now.getTime() + REMINDER_BEFORE_DEADLINE_MS)),
        // Reminded files whose date has not passed need nothing yet: leave them out of the batch.
        or(
          lte(applications.responseDeadline, now),
          sql`not exists (select 1 from ${emailOutbox} where ${emailOutbox.dedupeKey} = 'decision-reminder:' || ${applications.id} || ':' || to_char(${applications.responseDeadline} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
        ),
      ),
    )
    .orderBy(asc(applications.responseDeadline), asc(applications.id))
    .limit(options.batch ?? 200)
  let reminded = 0
  let withdrawn = 0
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [app] = await tx
        .select()
        .from(applications)
        .where(eq(applications.id, id))
        .for('update', { skipLocked: true })
      if (!app || app.status !== 'admitted' || !app.responseDeadline) return
      const context = await campaignContext(tx, app.campaignId)
      const key = reminderKey(app.id, app.responseDeadline)
      const [sent] = await tx
        .select({ createdAt: emailOutbox.createdAt })
        .from(emailOutbox)
        .where(eq(emailOutbox.dedupeKey, key))
      if (!sent) {
        const queued = await enqueueEmail(tx, {
          template: 'decision-reminder',
          to: app.email,
          establishmentId: app.establishmentId,
          dedupeKey: key,
          props: {
            candidateName: app.firstName ?? '',
            programmeName: context.programmeName,
            establishmentName: context.establishmentName,
            deadline: formatDate(app.responseDeadline),
            url: `${appUrl()}/espace/candidatures/${app.id}`,
          },
        })
        if (queued) {
          reminded++
          await recordAudit(tx, {
            establishmentId: app.establishmentId,
            actorLabel: 'Tremplin (automatique)',
            action: 'decision.reminded',
            subjectType: 'application',
            subjectId: app.id,
            after: { deadline: app.responseDeadline },
          })
        }
        return
      }
      if (app.responseDeadline > now) return
      await changeStatus(tx, {
        applicationId: app.id,
        to: 'auto_withdrawn',
        actor: 'system',
        now,
        set: { withdrawnAt: now },
      })
      await enqueueEmail(tx, {
        template: 'place-released',
        to: app.email,
        establishmentId: app.establishmentId,
        dedupeKey: `place-released:${app.id}`,
        props: {
          candidateName: app.firstName ?? '',
          programmeName: context.programmeName,
          establishmentName: context.establishmentName,
          deadline: formatDate(app.responseDeadline),
        },
      })
      await promoteNext(tx, app.campaignId, now)
      withdrawn++
    })
  }
  return { reminded, withdrawn }
}

/** Everything the PDF letter of a published decision needs. */
export async function decisionLetterProps(db: Executor, decisionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(decisionId)) return null
  const [row] = await db
    .select({
      decision: decisions,
      application: applications,
      motivation: decisionMotivations.label,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
    .where(eq(decisions.id, decisionId))
  if (!row || !row.decision.publishedAt) return null
  const context = await campaignContext(db, row.application.campaignId)
  const a = row.application
  const promoted = !row.decision.enteredByUserId && row.decision.outcome === 'admitted'
  // The letter as sent; decisions published before letters were frozen are written again.
  const message =
    row.decision.letterSubject && row.decision.letterBody
      ? { subject: row.decision.letterSubject, body: row.decision.letterBody }
      : decisionMessage(
          {
            subject: context.campaign.decisionEmailSubject,
            body: context.campaign.decisionEmailBody,
          },
          factsOf(a, context, row.decision.outcome, {
            promoted,
            waitlistRank: row.decision.waitlistRank,
            responseDeadline: row.decision.outcome === 'admitted' ? a.responseDeadline : null,
            motivation:
              [row.motivation, row.decision.motivationText].filter(Boolean).join(' — ') || null,
          }),
        )
  return {
    establishmentName: context.establishmentName,
    establishmentCity: context.establishmentCity,
    candidateName: [
      a.civility === 'mme' ? 'Madame' : a.civility === 'm' ? 'Monsieur' : null,
      a.firstName,
      a.lastName,
    ]
      .filter(Boolean)
      .join(' '),
    addressLines: [
      a.addressLine,
      [a.postalCode, a.city].filter(Boolean).join(' '),
      a.country,
    ].filter((l): l is string => Boolean(l)),
    date: row.decision.publishedAt,
    subject: message.subject,
    body: message.body,
    reference: row.decision.id.slice(0, 8).toUpperCase(),
    applicationId: a.id,
    candidateUserId: a.candidateUserId,
    establishmentId: a.establishmentId,
  }
}

/** The latest published decision of an application (for the candidate's letter link). */
export async function latestPublishedDecision(db: Executor, applicationId: string) {
  const [row] = await db
    .select({
      id: decisions.id,
      outcome: decisions.outcome,
      publishedAt: decisions.publishedAt,
      motivation: decisionMotivations.label,
      motivationText: decisions.motivationText,
    })
    .from(decisions)
    .leftJoin(decisionMotivations, eq(decisionMotivations.id, decisions.motivationId))
    .where(
      and(eq(decisions.applicationId, applicationId), sql`${decisions.publishedAt} is not null`),
    )
    .orderBy(desc(decisions.publishedAt))
    .limit(1)
  return row
}
