import { and, desc, eq, gte, isNotNull, isNull } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import {
  consentRequests,
  parentalConsents,
  students,
  type ConsentRequest,
  type ParentalConsent,
} from '@/db/schema'
import { recordAudit } from '@/lib/audit/record'
import { hashLinkToken, looksLikeLinkToken } from '@/lib/auth/link-tokens'
import { InvalidLinkError, UserFacingError } from '@/lib/errors'
import { formatDate, formatDateTime } from '@/lib/format'
import { enqueueEmail } from '@/lib/mail/enqueue'
import { consentInForce, consentUrl, revokeOpenRequests, studentLetterhead } from './consents'
import { consentStatement, relationshipLabel, type Relationship } from './consent-words'

// The legal representative's side: the emailed link opens a page about one student, where
// they give their consent, and later withdraw it. The link is the only key: 256 random bits,
// stored hashed, for this student only, 30 days. Unlike other links, an expired or spent one
// says what happened (issue 11: "a consent link opened after withdrawal gets a clear
// message"): a parent must know whether their child has access, and that tells a holder of
// the link nothing they could use. Unknown links get the same 404 as everywhere.

/**
 * What a link opens: a form ('open'); the consent given through it ('consented', which the
 * representative may withdraw, even after the 30 days: withdrawing must stay as easy as
 * giving); or why it opens nothing any more.
 */
export type ConsentLinkState =
  'open' | 'consented' | 'withdrawn' | 'expired' | 'recorded-otherwise' | 'replaced'

export type ConsentLinkView = {
  state: ConsentLinkState
  request: ConsentRequest
  studentName: string
  className: string | null
  establishmentName: string
  statement: string
  /** The consent given through this link (consented or withdrawn). */
  consent: ParentalConsent | null
  /** When the student's consent was withdrawn, for a link revoked by that withdrawal. */
  withdrawnAt: Date | null
}

async function requestByToken(tx: Executor, token: string, lock: boolean) {
  if (!looksLikeLinkToken(token)) return null
  const query = tx
    .select()
    .from(consentRequests)
    .where(eq(consentRequests.tokenHash, hashLinkToken(token)))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}

async function stateOf(tx: Executor, request: ConsentRequest, now: Date) {
  if (request.completedAt && request.consentId) {
    const [consent] = await tx
      .select()
      .from(parentalConsents)
      .where(eq(parentalConsents.id, request.consentId))
    return {
      state: consent?.withdrawnAt ? ('withdrawn' as const) : ('consented' as const),
      consent: consent ?? null,
      withdrawnAt: consent?.withdrawnAt ?? null,
    }
  }
  if (request.revokedAt) {
    // Why it was revoked, from what happened to the student's consent since it was sent.
    if (await consentInForce(tx, request.studentId))
      return { state: 'recorded-otherwise' as const, consent: null, withdrawnAt: null }
    const [withdrawn] = await tx
      .select({ at: parentalConsents.withdrawnAt })
      .from(parentalConsents)
      .where(
        and(
          eq(parentalConsents.studentId, request.studentId),
          isNotNull(parentalConsents.withdrawnAt),
          gte(parentalConsents.withdrawnAt, request.createdAt),
        ),
      )
      .orderBy(desc(parentalConsents.withdrawnAt))
      .limit(1)
    return withdrawn?.at
      ? { state: 'withdrawn' as const, consent: null, withdrawnAt: withdrawn.at }
      : { state: 'replaced' as const, consent: null, withdrawnAt: null }
  }
  if (request.expiresAt.getTime() <= now.getTime())
    return { state: 'expired' as const, consent: null, withdrawnAt: null }
  return { state: 'open' as const, consent: null, withdrawnAt: null }
}

/** What the link opens, or null for a link that never existed (404). */
export async function openConsentLink(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<ConsentLinkView | null> {
  const request = await requestByToken(db, token, false)
  if (!request) return null
  const [student] = await db.select().from(students).where(eq(students.id, request.studentId))
  if (!student) return null
  const letterhead = await studentLetterhead(db, student)
  return {
    ...(await stateOf(db, request, now)),
    request,
    ...letterhead,
    statement: consentStatement(letterhead),
  }
}

/** Why a link cannot take an answer any more, in the representative's words. */
export function closedLinkMessage(
  view: Pick<ConsentLinkView, 'state' | 'request' | 'withdrawnAt'>,
): string {
  switch (view.state) {
    case 'expired':
      return `Ce lien a expiré le ${formatDate(view.request.expiresAt)}. Demandez au professeur principal de vous en envoyer un nouveau.`
    case 'withdrawn':
      return `L’autorisation a été retirée${view.withdrawnAt ? ` le ${formatDateTime(view.withdrawnAt)}` : ''} : ce lien n’est plus valide. Pour donner de nouveau votre autorisation, demandez un nouveau lien au professeur principal.`
    case 'recorded-otherwise':
      return 'L’établissement a déjà enregistré une autorisation pour cet élève : ce lien n’est plus nécessaire.'
    case 'replaced':
      return 'Un lien plus récent vous a été envoyé : utilisez le dernier message reçu.'
    case 'consented':
      return 'Vous avez déjà donné votre autorisation par ce lien.'
    case 'open':
      return ''
  }
}

/**
 * The representative's consent: name, relationship, the ticked statement, the time and the
 * IP. In force at once; a receipt goes to the address the link was sent to, with this same
 * link to withdraw.
 */
export async function confirmConsent(
  db: Database,
  params: {
    token: string
    input: { guardianName: string; relationship: Relationship; accepted: true }
    ip?: string | null
    userAgent?: string | null
    now?: Date
  },
): Promise<void> {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const request = await requestByToken(tx, params.token, true)
    if (!request) throw new InvalidLinkError()
    const { state, withdrawnAt } = await stateOf(tx, request, now)
    if (state !== 'open')
      throw new UserFacingError(closedLinkMessage({ state, request, withdrawnAt }))
    const [student] = await tx
      .select()
      .from(students)
      .where(eq(students.id, request.studentId))
      .for('update')
    if (!student) throw new InvalidLinkError()
    if (await consentInForce(tx, student.id))
      throw new UserFacingError(
        closedLinkMessage({ state: 'recorded-otherwise', request, withdrawnAt }),
      )
    const letterhead = await studentLetterhead(tx, student)
    const statement = consentStatement(letterhead)
    const [consent] = await tx
      .insert(parentalConsents)
      .values({
        studentId: student.id,
        method: 'link',
        guardianName: params.input.guardianName,
        relationship: params.input.relationship,
        guardianEmail: request.guardianEmail,
        ip: params.ip ?? null,
        grantedAt: now,
        createdAt: now,
      })
      .returning()
    await tx
      .update(consentRequests)
      .set({ completedAt: now, consentId: consent!.id })
      .where(eq(consentRequests.id, request.id))
    await revokeOpenRequests(tx, student.id, now)
    await enqueueEmail(tx, {
      template: 'consent-receipt',
      to: request.guardianEmail,
      establishmentId: student.establishmentId,
      props: {
        guardianName: params.input.guardianName,
        relationship: relationshipLabel(params.input.relationship),
        studentName: letterhead.studentName,
        establishmentName: letterhead.establishmentName,
        statement,
        grantedAt: formatDateTime(now),
        url: consentUrl(params.token),
      },
    })
    await recordAudit(tx, {
      establishmentId: student.establishmentId,
      actorUserId: null,
      action: 'consent.granted',
      subjectType: 'student',
      subjectId: student.id,
      after: {
        method: 'link',
        guardianName: params.input.guardianName,
        relationship: params.input.relationship,
        guardianEmail: request.guardianEmail,
        statement,
      },
      ip: params.ip ?? null,
      userAgent: params.userAgent ?? null,
    })
  })
}

/** "Retirer mon autorisation": the representative withdraws the consent given through this link. */
export async function withdrawConsentByLink(
  db: Database,
  params: { token: string; ip?: string | null; userAgent?: string | null; now?: Date },
): Promise<void> {
  const now = params.now ?? new Date()
  await db.transaction(async (tx) => {
    const request = await requestByToken(tx, params.token, true)
    if (!request) throw new InvalidLinkError()
    const { state, consent, withdrawnAt } = await stateOf(tx, request, now)
    if (state !== 'consented' || !consent)
      throw new UserFacingError(
        state === 'open'
          ? 'Vous n’avez pas encore donné d’autorisation par ce lien.'
          : closedLinkMessage({ state, request, withdrawnAt }),
      )
    const [student] = await tx
      .select()
      .from(students)
      .where(eq(students.id, request.studentId))
      .for('update')
    await tx
      .update(parentalConsents)
      .set({
        withdrawnAt: now,
        withdrawnByLabel: `${consent.guardianName ?? 'Représentant légal'} (représentant légal, par le lien)`,
      })
      .where(and(eq(parentalConsents.id, consent.id), isNull(parentalConsents.withdrawnAt)))
    await revokeOpenRequests(tx, request.studentId, now)
    await recordAudit(tx, {
      establishmentId: student!.establishmentId,
      actorUserId: null,
      action: 'consent.withdrawn',
      subjectType: 'student',
      subjectId: request.studentId,
      after: { by: 'guardian', guardianName: consent.guardianName },
      ip: params.ip ?? null,
      userAgent: params.userAgent ?? null,
    })
  })
}
