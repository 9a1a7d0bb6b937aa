'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { staffAction } from '@/lib/auth/action-clients'
import type { StaffContext } from '@/lib/auth/staff-context'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { consentLinkSchema, consentStudentSchema } from '@/lib/school/consent-schemas'
import {
  remindConsentLink,
  sendConsentLink,
  withdrawConsent,
  type ConsentActor,
} from '@/lib/school/consents'

// Parental consent from the class view. 'consents.manage' lets the head, admins and main
// teachers in; the lib's scope keeps a main teacher to their own classes' pupils.

const actorOf = (context: StaffContext): ConsentActor => ({
  scope: schoolScopeOf(context),
  userId: context.user.id,
  name: context.user.name,
})

const refresh = () => revalidatePath('/equipe/classes/[id]', 'page')

export const sendConsentLinkAction = staffAction(
  'consents.manage',
  consentLinkSchema,
  async (input, context) => {
    await sendConsentLink(db, { actor: actorOf(context), ...input })
    refresh()
  },
)

export const remindConsentLinkAction = staffAction(
  'consents.manage',
  consentStudentSchema,
  async ({ studentId }, context) => {
    await remindConsentLink(db, { actor: actorOf(context), studentId })
    refresh()
  },
)

export const withdrawConsentAction = staffAction(
  'consents.manage',
  consentStudentSchema,
  async ({ studentId }, context) => {
    await withdrawConsent(db, { actor: actorOf(context), studentId })
    refresh()
  },
)
