import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  campaignSettingsSchema,
  documentRequirementSchema,
  newCampaignSchema,
  questionSchema,
} from '@/lib/admissions/campaign-schemas'
import {
  newEstablishmentSchema,
  programmeSchema,
  registrationRejectionSchema,
  registrationSchema,
} from '@/lib/establishments/schemas'
import {
  assignEvenlySchema,
  assignReviewerSchema,
  bulkDecisionSchema,
  criterionSchema,
  decisionSettingsSchema,
  documentVerdictSchema,
  motivationSchema,
  reviewFormSchema,
} from '@/lib/admissions/review-schemas'
import {
  applicationDraftSchema,
  applicationSchema,
  recommenderSchema,
} from '@/lib/admissions/schemas'
import { signInSchema } from '@/lib/auth/schemas'
import { inviteMemberSchema } from '@/lib/people/member-schemas'
import { applicationFormData } from '@/db/test/factories'
import {
  declineSchema,
  recommendationDraftSchema,
  recommendationSchema,
} from '@/lib/recommendations/schemas'

// Every free-text field of every form, fed a NUL and a line break: a one-line field refuses
// both, a multi-line field keeps the line break; each refusal is a French message on the field.
const uuid = '0b6f2a4e-8a53-4b7e-9d1c-2f6a1e9c3b5d'
const question = { id: uuid, kind: 'text' as const, label: 'Appréciation', required: true }
const application = applicationFormData({}, 1)
const campaign = {
  name: 'Recrutement 2027',
  description: 'Une campagne.',
  opensOn: '2027-01-10',
  closesOn: '2027-03-01',
  recommendationDeadlineOn: '2027-03-10',
  requiredRecommendations: 2,
}
const programme = {
  programmeName: 'CPGE ATS',
  programmeLevel: 'Bac + 3',
  departmentName: 'Économie',
  programmeDescription: 'Une formation.',
}

type Case = {
  form: string
  schema: z.ZodType
  valid: Record<string, unknown>
  single: string[]
  multi: string[]
}
const cases: Case[] = [
  {
    form: 'application',
    schema: applicationSchema(1),
    valid: application,
    single: [
      'firstName',
      'lastName',
      'phone',
      'addressLine',
      'postalCode',
      'city',
      'country',
      'currentEstablishment',
      'specialty',
      'recommenders.0.name',
      'recommenders.0.position',
      'recommenders.0.email',
    ],
    multi: ['motivation'],
  },
  {
    form: 'application draft',
    schema: applicationDraftSchema,
    valid: application,
    single: [
      'civility',
      'firstName',
      'lastName',
      'birthDate',
      'phone',
      'addressLine',
      'postalCode',
      'city',
      'country',
      'diploma',
      'currentEstablishment',
      'specialty',
      'recommenders.0.name',
      'recommenders.0.position',
      'recommenders.0.email',
    ],
    multi: ['motivation'],
  },
  {
    form: 'recommender replacement',
    schema: recommenderSchema,
    valid: application.recommenders[0]!,
    single: ['name', 'position', 'email'],
    multi: [],
  },
  {
    form: 'sign-in',
    schema: signInSchema,
    valid: { email: 'lea@exemple.fr' },
    single: ['email'],
    multi: [],
  },
  {
    form: 'establishment registration',
    schema: registrationSchema,
    valid: {
      postcode: '31770',
      city: 'Colomiers',
      name: 'Collège Jean Jaurès',
      uai: '0311234Y',
      kind: 'college',
      address: '2 allée du Collège',
      emailDomain: 'college-jaures.fr',
      headName: 'Claire Durand',
      headEmail: 'claire.durand@college-jaures.fr',
    },
    single: ['city', 'name', 'address', 'emailDomain', 'headName', 'headEmail'],
    multi: [],
  },
  {
    form: 'establishment details',
    schema: newEstablishmentSchema,
    valid: {
      name: 'Collège Jean Jaurès',
      uai: '0311234Y',
      kind: 'college',
      address: '2 allée du Collège',
      postcode: '31770',
      city: 'Colomiers',
      latitude: '43,6112',
      longitude: '1,3349',
      emailDomains: 'college-jaures.fr, ac-toulouse.fr',
      headEmail: 'chef@college-jaures.fr',
    },
    single: ['name', 'address', 'city', 'emailDomains', 'headEmail'],
    multi: [],
  },
  {
    form: 'registration rejection',
    schema: registrationRejectionSchema,
    valid: { registrationId: uuid, reason: 'Adresse hors du domaine de l’établissement.' },
    single: [],
    multi: ['reason'],
  },
  {
    form: 'staff invitation',
    schema: inviteMemberSchema,
    valid: { email: 'prof@ac-toulouse.fr', role: 'reviewer', classIds: [] },
    single: ['email'],
    multi: [],
  },
  {
    form: 'recommendation',
    schema: recommendationSchema([question]),
    valid: {
      answers: { [uuid]: 'Sérieuse.' },
      opinion: 'favorable',
      phone: '06 11 22 33 44',
      certified: true,
    },
    single: ['phone'],
    multi: [`answers.${uuid}`],
  },
  {
    form: 'recommendation draft',
    schema: recommendationDraftSchema,
    valid: { answers: { [uuid]: 'Sérieuse.' }, opinion: 'favorable', phone: '06 11' },
    single: ['opinion', 'phone'],
    multi: [`answers.${uuid}`],
  },
  {
    form: 'decline',
    schema: declineSchema,
    valid: { reason: 'Je ne la connais pas.' },
    single: [],
    multi: ['reason'],
  },
  {
    form: 'campaign settings',
    schema: campaignSettingsSchema,
    valid: campaign,
    single: ['name'],
    multi: ['description'],
  },
  {
    form: 'programme',
    schema: programmeSchema,
    valid: programme,
    single: ['programmeName', 'programmeLevel', 'departmentName'],
    multi: ['programmeDescription'],
  },
  {
    form: 'new campaign',
    schema: newCampaignSchema,
    valid: { ...campaign, ...programme, programmeId: 'new' },
    single: ['name', 'programmeName', 'programmeLevel', 'departmentName'],
    multi: ['description', 'programmeDescription'],
  },
  {
    form: 'question',
    schema: questionSchema,
    valid: { kind: 'text', label: 'Appréciation', help: 'En quelques lignes.' },
    single: ['label', 'help'],
    multi: [],
  },
  {
    form: 'document requirement',
    schema: documentRequirementSchema,
    valid: {
      name: 'Relevés de notes',
      helpText: 'Les deux dernières années.',
      formats: ['pdf'],
      maxMegabytes: 5,
    },
    single: ['name', 'helpText'],
    multi: [],
  },
  {
    form: 'document verdict',
    schema: documentVerdictSchema,
    valid: { documentId: uuid, verdict: 'refused', reason: 'Illisible.' },
    single: [],
    multi: ['reason'],
  },
  {
    form: 'even assignment',
    schema: assignEvenlySchema,
    valid: { campaignId: uuid, reviewerIds: ['user-1'], perFile: 1 },
    single: ['reviewerIds.0'],
    multi: [],
  },
  {
    form: 'assignment',
    schema: assignReviewerSchema,
    valid: { campaignId: uuid, applicationIds: [uuid], reviewerId: 'user-1' },
    single: ['reviewerId'],
    multi: [],
  },
  {
    form: 'decision',
    schema: bulkDecisionSchema,
    valid: {
      campaignId: uuid,
      applicationIds: [uuid],
      outcome: 'rejected',
      motivationId: uuid,
      motivationText: 'Dossier incomplet.',
    },
    single: ['motivationId'],
    multi: ['motivationText'],
  },
  {
    form: 'criterion',
    schema: criterionSchema,
    valid: { label: 'Résultats', scaleMax: 20, weight: 1 },
    single: ['label'],
    multi: [],
  },
  {
    form: 'decision settings',
    schema: decisionSettingsSchema,
    valid: {
      responseDays: 7,
      decisionEmailSubject: 'Votre candidature',
      decisionEmailBody: 'Bonjour, voici la décision de la commission.',
    },
    single: ['decisionEmailSubject'],
    multi: ['decisionEmailBody'],
  },
  {
    form: 'review',
    schema: reviewFormSchema,
    valid: { applicationId: uuid, scores: {}, comment: 'Bon dossier.' },
    single: [],
    multi: ['comment'],
  },
  {
    form: 'motivation',
    schema: motivationSchema,
    valid: { label: 'Prérequis manquants' },
    single: ['label'],
    multi: [],
  },
]

function withValue(
  input: Record<string, unknown>,
  path: string,
  change: (v: string) => string,
): Record<string, unknown> {
  const copy = structuredClone(input)
  const keys = path.split('.')
  let target = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>
  const last = keys.at(-1)!
  target[last] = change(String(target[last]))
  return copy
}

const errorsAt = (schema: z.ZodType, input: unknown, path: string) =>
  (schema.safeParse(input).error?.issues ?? [])
    .filter((i) => i.path.join('.') === path)
    .map((i) => i.message)

describe.each(cases)('the $form form', ({ schema, valid, single, multi }) => {
  it('accepts its valid sample', () => {
    expect(schema.safeParse(valid).error?.issues ?? []).toEqual([])
  })

  it.each([...single, ...multi])('refuses a NUL in %s with a French field message', (path) => {
    const messages = errorsAt(
      schema,
      withValue(valid, path, (v) => `${v.slice(0, 1)}\u0000${v.slice(1)}`),
      path,
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/ : contient un caractère invisible non autorisé\.$/)
  })

  it.each(single)('refuses a line break in the one-line %s', (path) => {
    for (const breakWith of ['\r\n', '\n', '\r', '\t']) {
      const messages = errorsAt(
        schema,
        withValue(valid, path, (v) => `${v.slice(0, 1)}${breakWith}${v.slice(1)}`),
        path,
      )
      expect(messages, JSON.stringify(breakWith)).toHaveLength(1)
      expect(messages[0]).toMatch(
        / : doit tenir sur une ligne \(sans retour à la ligne ni tabulation\)\.$/,
      )
    }
  })

  it.each(multi)('keeps line breaks and tabs in the multi-line %s', (path) => {
    expect(
      errorsAt(
        schema,
        withValue(valid, path, (v) => `${v.slice(0, 1)}\r\n\t${v.slice(1)}`),
        path,
      ),
    ).toEqual([])
  })
})
