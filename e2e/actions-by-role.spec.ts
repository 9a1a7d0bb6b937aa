import { expect, test } from '@playwright/test'
import { testDb } from './support/outbox'
import { callAction } from './support/server-action'
import { signedInContext } from './support/sign-in'

// A page-level check does not protect the actions defined on that page: each campaign-editing
// action is called directly, as a forged request would, by every role that may not use it.
const file = 'app/(equipe)/equipe/campagnes/[id]/actions.ts'
const people = {
  reviewer: 'examinateur@ozenne.example',
  tutor: 'tuteur@ozenne.example',
  student: 'eleve@ozenne.example',
  candidate: `candidat-actions-${Date.now()}@exemple.fr`,
  anonymous: null,
} as const

async function campaign() {
  const { rows } = await testDb().query<{ id: string; name: string }>(
    "select c.id, c.name from admission_campaigns c join programmes p on p.id = c.programme_id where p.name = 'CPGE ATS Économie-Gestion' limit 1",
  )
  const { rows: questions } = await testDb().query<{ id: string; label: string }>(
    'select id, label from recommendation_questions where campaign_id = $1 order by position',
    [rows[0]!.id],
  )
  return { ...rows[0]!, questions }
}

for (const [person, email] of Object.entries(people)) {
  test(`campaign-editing actions refuse the ${person}`, async ({ browser }) => {
    const context = await signedInContext(browser, email)
    const { id, name, questions } = await campaign()
    const page = `/equipe/campagnes/${id}`
    const first = questions[0]!
    const calls: [string, unknown][] = [
      [
        'updateCampaignSettingsAction',
        {
          campaignId: id,
          name: 'Piratée',
          description: '',
          opensOn: '2020-01-01',
          closesOn: '2020-01-02',
          recommendationDeadlineOn: '2020-01-03',
          requiredRecommendations: 0,
        },
      ],
      [
        'addQuestionAction',
        { campaignId: id, kind: 'text', label: 'Question pirate', help: '', required: true },
      ],
      [
        'updateQuestionAction',
        {
          campaignId: id,
          questionId: first.id,
          kind: 'text',
          label: 'Modifiée',
          help: '',
          required: true,
        },
      ],
      ['removeQuestionAction', { campaignId: id, questionId: first.id }],
      ['moveQuestionAction', { campaignId: id, questionId: first.id, direction: 'down' }],
      [
        'addDocumentRequirementAction',
        {
          campaignId: id,
          name: 'Pièce pirate',
          helpText: '',
          formats: ['pdf'],
          maxMegabytes: 5,
          required: true,
        },
      ],
      ['addCriterionAction', { campaignId: id, label: 'Critère pirate', scaleMax: 20, weight: 1 }],
      [
        'updateDecisionSettingsAction',
        {
          campaignId: id,
          responseDays: 1,
          responseDeadlineOn: '',
          decisionEmailSubject: 'Piraté',
          decisionEmailBody: 'Message pirate assez long pour passer.',
        },
      ],
    ]
    for (const [action, input] of calls) {
      const { result } = await callAction(context.request, page, file, action, [input])
      expect(result, `${person} → ${action}`).toMatchObject({
        ok: false,
        formError: email
          ? 'Vous n’avez pas les droits nécessaires pour cette action.'
          : 'Vous devez être connecté.',
      })
    }
    // Opening a campaign and renaming its programme are refused the same way.
    const { rows: programmeRows } = await testDb().query<{ id: string; name: string }>(
      'select p.id, p.name from programmes p join admission_campaigns c on c.programme_id = p.id where c.id = $1',
      [id],
    )
    const forged = `Formation pirate ${Date.now()}`
    const more: [string, string, string, unknown][] = [
      [
        '/equipe/campagnes/nouvelle',
        'app/(equipe)/equipe/campagnes/actions.ts',
        'createCampaignAction',
        {
          programmeId: 'new',
          programmeName: forged,
          name: 'Piratée',
          opensOn: '2030-01-01',
          closesOn: '2030-01-02',
          recommendationDeadlineOn: '2030-01-03',
          requiredRecommendations: 0,
        },
      ],
      [
        '/equipe/campagnes',
        'app/(equipe)/equipe/campagnes/actions.ts',
        'updateEstablishmentSettingsAction',
        { maxApplicationsPerCandidate: 1 },
      ],
      [
        page,
        file,
        'updateProgrammeAction',
        { campaignId: id, programmeId: programmeRows[0]!.id, programmeName: forged },
      ],
    ]
    for (const [path, actionFile, action, input] of more) {
      const { result } = await callAction(context.request, path, actionFile, action, [input])
      expect(result, `${person} → ${action}`).toMatchObject({
        ok: false,
        formError: email
          ? 'Vous n’avez pas les droits nécessaires pour cette action.'
          : 'Vous devez être connecté.',
      })
    }
    const { rows: forgedRows } = await testDb().query('select 1 from programmes where name = $1', [
      forged,
    ])
    expect(forgedRows).toEqual([])
    const { rows: cap } = await testDb().query<{ max: number }>(
      "select max_applications_per_candidate as max from establishments where uai = '0310044E'",
    )
    expect(cap[0]!.max).toBe(20)
    const after = await campaign()
    expect(programmeRows[0]!.name).toBe(
      (
        await testDb().query<{ name: string }>('select name from programmes where id = $1', [
          programmeRows[0]!.id,
        ])
      ).rows[0]!.name,
    )
    expect(after.name).toBe(name)
    expect(after.questions).toEqual(questions)
    await context.close()
  })
}

test('the coordinator’s own call to the same action goes through (the check is not blanket)', async ({
  browser,
}) => {
  const context = await signedInContext(browser, 'coordination@ozenne.example')
  const { rows } = await testDb().query<{
    id: string
    name: string
    description: string | null
    opens: string
    closes: string
    deadline: string
    required: number
  }>(
    `select c.id, c.name, c.description, c.required_recommendations as required,
            to_char(c.opens_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as opens,
            to_char(c.closes_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as closes,
            to_char(c.recommendation_deadline at time zone 'Europe/Paris', 'YYYY-MM-DD') as deadline
       from admission_campaigns c join programmes p on p.id = c.programme_id where p.name = 'CPGE ATS Économie-Gestion' limit 1`,
  )
  const c = rows[0]!
  const { result } = await callAction(
    context.request,
    `/equipe/campagnes/${c.id}`,
    file,
    'updateCampaignSettingsAction',
    [
      {
        campaignId: c.id,
        name: c.name,
        description: c.description ?? '',
        opensOn: c.opens,
        closesOn: c.closes,
        recommendationDeadlineOn: c.deadline,
        requiredRecommendations: c.required,
      },
    ],
  )
  expect(result).toMatchObject({ ok: true })
  await context.close()
})

test('the establishment’s settings belong to its admins: a coordinator’s call is refused', async ({
  browser,
}) => {
  const context = await signedInContext(browser, 'coordination@ozenne.example')
  const { result } = await callAction(
    context.request,
    '/equipe/campagnes',
    'app/(equipe)/equipe/campagnes/actions.ts',
    'updateEstablishmentSettingsAction',
    [{ maxApplicationsPerCandidate: 1 }],
  )
  expect(result).toMatchObject({
    ok: false,
    formError: 'Vous n’avez pas les droits nécessaires pour cette action.',
  })
  const { rows } = await testDb().query<{ max: number }>(
    "select max_applications_per_candidate as max from establishments where uai = '0310044E'",
  )
  expect(rows[0]!.max).toBe(20)
  await context.close()
})

// The commission's actions: assigning and publishing belong to the coordination, entering a
// decision to the commission (reviewers included); each is refused to the others on its own.
const commissionFile = 'app/(equipe)/equipe/campagnes/[id]/commission/actions.ts'
for (const [person, email] of Object.entries(people)) {
  test(`commission actions refuse the ${person} what their role does not give`, async ({
    browser,
  }) => {
    const context = await signedInContext(browser, email)
    const { id } = await campaign()
    const { rows } = await testDb().query<{ id: string }>(
      'select id from applications where campaign_id = $1 limit 1',
      [id],
    )
    const applicationIds = rows.map((r) => r.id)
    const calls: [string, unknown][] = [
      ['assignEvenlyAction', { campaignId: id, reviewerIds: ['x'], perFile: 1 }],
      ['startReviewAction', { campaignId: id, applicationIds }],
      ['publishDecisionsAction', { campaignId: id }],
      [
        'unassignReviewerAction',
        { campaignId: id, applicationId: applicationIds[0]!, reviewerId: 'x' },
      ],
    ]
    if (person !== 'reviewer')
      calls.push(['enterDecisionsAction', { campaignId: id, applicationIds, outcome: 'admitted' }])
    for (const [action, input] of calls) {
      const { result } = await callAction(
        context.request,
        `/equipe/campagnes/${id}/commission`,
        commissionFile,
        action,
        [input],
      )
      expect(result, `${person} → ${action}`).toMatchObject({
        ok: false,
        formError: email
          ? 'Vous n’avez pas les droits nécessaires pour cette action.'
          : 'Vous devez être connecté.',
      })
    }
    const { rows: decided } = await testDb().query(
      'select 1 from decisions d join applications a on a.id = d.application_id where a.campaign_id = $1',
      [id],
    )
    expect(decided).toEqual([])
    await context.close()
  })
}
