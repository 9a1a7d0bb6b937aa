import { beforeEach, describe, expect, it, vi } from 'vitest'
import { roles, type Role } from '@/db/schema'

// Every server action a member of staff can call, and the roles that may call it, written out
// independently of the permission table: a page hiding a button protects nothing, so each
// action is called directly, as a forged request would be, by every role that may not use it
// (in the establishment the person works in), by the right role held in another establishment
// only, and signed out. Ownership inside an establishment (a main teacher's own classes, a
// reviewer's assigned files) is tested beside each domain's lib.

const getViewer = vi.fn()
vi.mock('@/lib/auth/session', () => ({ getViewer: () => getViewer() }))
// Refusals go on record (lib/auth/refusals.ts, tested in lib/auth/action-clients.test.ts).
vi.mock('@/lib/auth/refusals', () => ({ recordRefusal: vi.fn() }))
// An allowed caller with an input that needs no field (re-queue every failed email) goes as far
// as the database: this one answers every call with an error saying so.
const REACHED_DATABASE = 'reached the database'
vi.mock('@/db', () => {
  const refuse = () => {
    throw new Error(REACHED_DATABASE)
  }
  return { db: new Proxy({}, { get: refuse }), getDb: refuse }
})
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}))

const admissions: Role[] = ['admin', 'coordinator']
const expected: Record<string, Role[]> = {
  'equipe/campagnes/actions#createCampaignAction': admissions,
  'equipe/campagnes/actions#updateEstablishmentSettingsAction': ['admin', 'head'],
  'equipe/campagnes/[id]/actions#updateCampaignSettingsAction': admissions,
  'equipe/campagnes/[id]/actions#addQuestionAction': admissions,
  'equipe/campagnes/[id]/actions#updateQuestionAction': admissions,
  'equipe/campagnes/[id]/actions#removeQuestionAction': admissions,
  'equipe/campagnes/[id]/actions#moveQuestionAction': admissions,
  'equipe/campagnes/[id]/actions#addDocumentRequirementAction': admissions,
  'equipe/campagnes/[id]/actions#updateDocumentRequirementAction': admissions,
  'equipe/campagnes/[id]/actions#removeDocumentRequirementAction': admissions,
  'equipe/campagnes/[id]/actions#addCriterionAction': admissions,
  'equipe/campagnes/[id]/actions#updateCriterionAction': admissions,
  'equipe/campagnes/[id]/actions#removeCriterionAction': admissions,
  'equipe/campagnes/[id]/actions#updateDecisionSettingsAction': admissions,
  'equipe/campagnes/[id]/actions#addMotivationAction': admissions,
  'equipe/campagnes/[id]/actions#setMotivationActiveAction': admissions,
  'equipe/campagnes/[id]/actions#updateProgrammeAction': admissions,
  'equipe/campagnes/[id]/commission/actions#assignEvenlyAction': admissions,
  'equipe/campagnes/[id]/commission/actions#assignReviewerAction': admissions,
  'equipe/campagnes/[id]/commission/actions#unassignReviewerAction': admissions,
  'equipe/campagnes/[id]/commission/actions#startReviewAction': admissions,
  'equipe/campagnes/[id]/commission/actions#enterDecisionsAction': [
    'admin',
    'coordinator',
    'reviewer',
  ],
  'equipe/campagnes/[id]/commission/actions#publishDecisionsAction': admissions,
  'equipe/candidatures/[id]/actions#reviewDocumentAction': admissions,
  'equipe/candidatures/[id]/actions#saveReviewAction': ['coordinator', 'reviewer'],
  'equipe/candidatures/[id]/actions#liftInvitationLimitsAction': admissions,
  'equipe/courriels/actions#requeueEmailAction': ['admin'],
  'equipe/courriels/actions#requeueAllFailedAction': ['admin'],
  'equipe/informations-legales/actions#saveNoticeAction': ['admin', 'head'],
  'equipe/informations-legales/actions#resetNoticeAction': ['admin', 'head'],
  'equipe/etablissement/actions#updateEstablishmentProfileAction': ['admin', 'head'],
  'equipe/etablissement/actions#uploadLogoAction': ['admin', 'head'],
  'equipe/etablissement/actions#removeLogoAction': ['admin', 'head'],
  'equipe/membres/actions#inviteMemberAction': ['admin', 'head'],
  'equipe/membres/actions#resendInvitationAction': ['admin', 'head'],
  'equipe/membres/actions#revokeInvitationAction': ['admin', 'head'],
  'equipe/membres/actions#addMemberRoleAction': ['admin', 'head'],
  'equipe/membres/actions#removeMemberRoleAction': ['admin', 'head'],
  'equipe/membres/actions#removeMemberAction': ['admin', 'head'],
  'equipe/classes/actions#createClassAction': ['admin', 'head'],
  'equipe/classes/actions#updateClassAction': ['admin', 'head'],
  'equipe/classes/actions#openNextYearAction': ['admin', 'head'],
  'equipe/classes/actions#inviteClassAction': ['admin', 'head', 'main_teacher'],
  'equipe/eleves/import/actions#remapImportAction': ['admin', 'head'],
  'equipe/eleves/import/actions#confirmImportAction': ['admin', 'head'],
  'equipe/classes/[id]/actions#sendConsentLinkAction': ['admin', 'head', 'main_teacher'],
  'equipe/classes/[id]/actions#remindConsentLinkAction': ['admin', 'head', 'main_teacher'],
  'equipe/classes/[id]/actions#withdrawConsentAction': ['admin', 'head', 'main_teacher'],
}

const FORBIDDEN = 'Vous n’avez pas les droits nécessaires pour cette action.'
const SIGNED_OUT = 'Vous devez être connecté.'

// Every module of staff actions under app/(equipe)/equipe (parentheses and brackets are glob
// syntax: match broadly, then keep the staff space's files).
const modules = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>('./**/*actions.ts')).filter(([file]) =>
    file.startsWith('./(equipe)/equipe/'),
  ),
)
const keyOf = (file: string, name: string) =>
  `${file.replace('./(equipe)/', '').replace(/\.ts$/, '')}#${name}`

async function staffActions() {
  const found = new Map<string, (input: unknown) => Promise<unknown>>()
  for (const [file, load] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(await load()))
      if (typeof value === 'function')
        found.set(keyOf(file, name), value as (input: unknown) => Promise<unknown>)
  }
  return found
}

const here = 'establishment-a'
const elsewhere = 'establishment-b'
const viewer = (role: Role, establishmentId: string) => ({
  user: { id: 'user-1', email: 'personne@college.example', name: 'Personne' },
  establishmentId: here,
  memberships: [
    {
      id: `m-${role}`,
      role,
      establishmentId,
      establishmentName: establishmentId,
      establishmentSlug: establishmentId,
      establishmentLogoKey: null,
    },
  ],
})

beforeEach(() => getViewer.mockReset())

describe('staff actions × roles', () => {
  it('lists every staff action, and only those', async () => {
    expect([...(await staffActions()).keys()].sort()).toEqual(Object.keys(expected).sort())
  })

  for (const [key, allowed] of Object.entries(expected)) {
    describe(key, () => {
      for (const role of roles.filter((r) => !allowed.includes(r)))
        it(`refuses ${role}`, async () => {
          getViewer.mockResolvedValue(viewer(role, here))
          const action = (await staffActions()).get(key)!
          expect(await action({})).toMatchObject({ ok: false, formError: FORBIDDEN })
        })
      it(`refuses ${allowed.join(', ')} of another establishment`, async () => {
        for (const role of allowed) {
          getViewer.mockResolvedValue(viewer(role, elsewhere))
          const action = (await staffActions()).get(key)!
          expect(await action({})).toMatchObject({ ok: false, formError: FORBIDDEN })
        }
      })
      it('refuses the signed-out', async () => {
        getViewer.mockResolvedValue(null)
        const action = (await staffActions()).get(key)!
        expect(await action({})).toMatchObject({ ok: false, formError: SIGNED_OUT })
      })
      it(`lets ${allowed.join(', ')} through to the input check`, async () => {
        for (const role of allowed) {
          getViewer.mockResolvedValue(viewer(role, here))
          const action = (await staffActions()).get(key)!
          const result = (await action({}).catch((error: Error) => {
            expect(error.message).toBe(REACHED_DATABASE)
            return { ok: false, formError: undefined }
          })) as { ok: boolean; formError?: string }
          expect(result.ok).toBe(false)
          expect(result.formError).not.toBe(FORBIDDEN)
          expect(result.formError).not.toBe(SIGNED_OUT)
        }
      })
    })
  }
})
