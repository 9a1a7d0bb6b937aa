import { expect, test } from '@playwright/test'
import { testDb } from './support/outbox'
import { signedInContext } from './support/sign-in'

// Every staff page and route, per role: allowed (200), denied (403), or sent to sign in.
type Outcome = 'ok' | 'denied' | 'sign-in'
const people = {
  admin: 'admin@ozenne.example',
  coordinator: 'coordination@ozenne.example',
  reviewer: 'examinateur@ozenne.example',
  tutor: 'tuteur@ozenne.example',
  student: 'eleve@ozenne.example',
  candidate: `candidat-${Date.now()}@exemple.fr`,
  anonymous: null,
} as const
type Person = keyof typeof people

const O: Outcome = 'ok'
const D: Outcome = 'denied'
const S: Outcome = 'sign-in'
//                                   admin coord review tutor student cand  anon
const matrix: [string, Outcome[]][] = [
  ['/equipe', [O, O, O, O, D, D, S]],
  ['/equipe/candidatures', [O, O, O, D, D, D, S]],
  ['/equipe/campagnes', [O, O, O, D, D, D, S]],
  ['/equipe/campagnes/:campaign', [O, O, D, D, D, D, S]],
  ['/equipe/campagnes/nouvelle', [O, O, D, D, D, D, S]],
  ['/equipe/membres', [O, D, D, D, D, D, S]],
  ['/equipe/journal', [O, D, D, D, D, D, S]],
  ['/equipe/campagnes/:campaign/commission', [O, O, O, D, D, D, S]],
  ['/equipe/examen', [D, O, O, D, D, D, S]],
  ['/api/exports/candidatures?format=csv', [O, O, O, D, D, D, S]],
  ['/api/exports/si?format=csv', [O, O, O, D, D, D, S]],
  ['/espace', [O, O, O, O, O, O, S]],
  ['/equipe/classes', [O, D, D, D, D, D, S]],
  ['/equipe/classes/:class', [O, D, D, D, D, D, S]],
  ['/equipe/eleves', [O, D, D, D, D, D, S]],
  ['/equipe/eleves/import', [O, D, D, D, D, D, S]],
  ['/equipe/etablissement', [O, D, D, D, D, D, S]],
  ['/compte', [O, O, O, O, O, O, S]],
  // Léa Élève is an adult student of BTS CG 1: her student page opens, and only hers.
  ['/espace/eleve', [D, D, D, D, O, D, S]],
]

async function campaignId() {
  const { rows } = await testDb().query<{ id: string }>(
    "select c.id from admission_campaigns c join programmes p on p.id = c.programme_id where p.name = 'CPGE ATS Économie-Gestion' limit 1",
  )
  return rows[0]!.id
}

async function btsClassId() {
  const { rows } = await testDb().query<{ id: string }>(
    "select c.id from classes c join establishments e on e.id = c.establishment_id where e.uai = '0310044E' and c.name = 'BTS CG 1' limit 1",
  )
  return rows[0]!.id
}

for (const [index, person] of (Object.keys(people) as Person[]).entries()) {
  test(`access for ${person}`, async ({ browser }) => {
    const context = await signedInContext(browser, people[person])
    const id = await campaignId()
    for (const [path, outcomes] of matrix) {
      const url = path.replace(':campaign', id).replace(':class', await btsClassId())
      const expected = outcomes[index]!
      const response = await context.request.get(url, { maxRedirects: 0 })
      const status = response.status()
      const where = `${person} → ${url}`
      if (expected === 'ok') expect(status, where).toBe(200)
      if (expected === 'denied') expect(status, where).toBe(403)
      if (expected === 'sign-in') {
        if (url.startsWith('/api/')) expect(status, where).toBe(401)
        else {
          expect([303, 307], where).toContain(status)
          expect(response.headers().location, where).toContain('/connexion')
        }
      }
    }
    await context.close()
  })
}
