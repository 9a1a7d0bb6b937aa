import { eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import {
  admissionCampaigns,
  applications,
  recommendationRequests,
  type RequestStatus,
} from '@/db/schema'
import { createCampaign, createEstablishment, createUser } from '@/db/test/factories'
import { parseListParams } from './list-params'
import { listApplications } from './staff-applications'

const DAY = 86_400_000

/** `count` submitted applications of a new campaign, named and dated in order, without requests. */
async function campaignWith(count: number, requiredRecommendations = 2) {
  const establishment = await createEstablishment(db)
  const { campaign } = await createCampaign(db, establishment.id, { requiredRecommendations })
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const candidate = await createUser(db)
    const [row] = await db
      .insert(applications)
      .values({
        establishmentId: establishment.id,
        campaignId: campaign.id,
        candidateUserId: candidate.id,
        status: i % 5 === 0 ? 'draft' : 'submitted',
        email: candidate.email,
        firstName: 'Camille',
        lastName: `Nom ${String.fromCharCode(65 + (i % 26))}${i}`,
        searchText: `camille nom ${i}`,
        submittedAt: i % 5 === 0 ? null : new Date(Date.now() - (count - i) * DAY),
      })
      .returning({ id: applications.id })
    ids.push(row!.id)
  }
  return { establishment, campaign, ids }
}

const request = (
  applicationId: string,
  establishmentId: string,
  slot: number,
  status: RequestStatus,
) => ({
  establishmentId,
  applicationId,
  slot,
  recommenderName: 'Jean Dupont',
  recommenderPosition: 'Professeur',
  recommenderEmail: `jean.dupont.${slot}@exemple.fr`,
  status,
  expiresAt: new Date(Date.now() + 30 * DAY),
})

/** Each application's stored counts next to the counts of its requests, straight from SQL. */
async function countsOf(ids: string[]) {
  const stored = await db
    .select({
      id: applications.id,
      received: applications.receivedRecommendations,
      requested: applications.requestedRecommendations,
    })
    .from(applications)
    .where(inArray(applications.id, ids))
  const counted = await db
    .select({
      id: recommendationRequests.applicationId,
      received: sql<number>`count(*) filter (where ${recommendationRequests.status} = 'received')::int`,
      requested: sql<number>`count(*) filter (where ${recommendationRequests.status} <> 'revoked')::int`,
    })
    .from(recommendationRequests)
    .where(inArray(recommendationRequests.applicationId, ids))
    .groupBy(recommendationRequests.applicationId)
  return stored.map((s) => {
    const c = counted.find((row) => row.id === s.id)
    return [`${s.received}/${s.requested}`, `${c?.received ?? 0}/${c?.requested ?? 0}`]
  })
}

describe('staff table at scale', () => {
  it('keeps each file’s received and requested counts equal to its requests, whatever writes them', async () => {
    const { establishment, ids } = await campaignWith(3)
    const [a, b, c] = ids as [string, string, string]
    // One statement over several files, as a bulk import would.
    await db
      .insert(recommendationRequests)
      .values([
        request(a, establishment.id, 0, 'invited'),
        request(a, establishment.id, 1, 'received'),
        request(b, establishment.id, 0, 'received'),
        request(b, establishment.id, 1, 'revoked'),
        request(c, establishment.id, 0, 'opened'),
      ])
    expect(await countsOf(ids)).toEqual(
      expect.arrayContaining([
        ['1/2', '1/2'],
        ['1/1', '1/1'],
        ['0/1', '0/1'],
      ]),
    )
    // Received, revoked, replaced, deleted: the stored counts follow every change.
    await db
      .update(recommendationRequests)
      .set({ status: 'received' })
      .where(eq(recommendationRequests.applicationId, a))
    await db
      .update(recommendationRequests)
      .set({ status: 'revoked' })
      .where(eq(recommendationRequests.applicationId, b))
    await db.insert(recommendationRequests).values(request(b, establishment.id, 1, 'invited'))
    await db.delete(recommendationRequests).where(eq(recommendationRequests.applicationId, c))
    // A change that leaves the counts as they were (a reminder's date) is harmless.
    await db
      .update(recommendationRequests)
      .set({ lastResentAt: new Date() })
      .where(inArray(recommendationRequests.applicationId, ids))
    const after = await countsOf(ids)
    for (const [stored, counted] of after) expect(stored).toBe(counted)
    expect(after.map(([stored]) => stored).sort()).toEqual(['0/0', '0/1', '2/2'])
  })

  it('adds up two transactions that receive recommendations of the same file at once', async () => {
    const { establishment, ids } = await campaignWith(1)
    const [a] = ids as [string]
    const [first, second] = await db
      .insert(recommendationRequests)
      .values([
        request(a, establishment.id, 0, 'opened'),
        request(a, establishment.id, 1, 'opened'),
      ])
      .returning({ id: recommendationRequests.id })
    await Promise.all(
      [first!, second!].map((r) =>
        db.transaction((tx) =>
          tx
            .update(recommendationRequests)
            .set({ status: 'received' })
            .where(eq(recommendationRequests.id, r.id)),
        ),
      ),
    )
    expect(await countsOf(ids)).toEqual([['2/2', '2/2']])
  })

  it('sorts by received recommendations and filters on complete ones, following the campaign’s requirement', async () => {
    const { establishment, campaign, ids } = await campaignWith(5, 1)
    const submitted = ids.filter((_, i) => i % 5 !== 0) // the first one is a draft
    await db
      .insert(recommendationRequests)
      .values([
        request(submitted[0]!, establishment.id, 0, 'received'),
        request(submitted[0]!, establishment.id, 1, 'received'),
        request(submitted[1]!, establishment.id, 0, 'received'),
        request(submitted[2]!, establishment.id, 0, 'invited'),
      ])
    const scope = { establishmentId: establishment.id }
    const byReceived = await listApplications(
      db,
      scope,
      parseListParams({ campagne: campaign.id, tri: 'recues' }),
    )
    expect(byReceived.rows.map((r) => r.received)).toEqual([2, 1, 0, 0])
    expect(byReceived.rows.slice(0, 2).map((r) => r.id)).toEqual(submitted.slice(0, 2))
    expect(byReceived.rows.slice(0, 2).map((r) => r.requested)).toEqual([2, 1])
    const complete = await listApplications(
      db,
      scope,
      parseListParams({ campagne: campaign.id, recos: 'completes' }),
    )
    expect(complete.total).toBe(2)
    expect(complete.rows.map((r) => r.id).sort()).toEqual(submitted.slice(0, 2).sort())
    const incomplete = await listApplications(
      db,
      scope,
      parseListParams({ campagne: campaign.id, recos: 'incompletes', statut: 'tous' }),
    )
    expect(incomplete.total).toBe(3) // the draft counts: it has no recommendation
    // The campaign asks for one more: only the file with two stays complete.
    await db
      .update(admissionCampaigns)
      .set({ requiredRecommendations: 2 })
      .where(eq(admissionCampaigns.id, campaign.id))
    const stricter = await listApplications(
      db,
      scope,
      parseListParams({ campagne: campaign.id, recos: 'completes' }),
    )
    expect(stricter.rows.map((r) => [r.id, r.received, r.required])).toEqual([[submitted[0], 2, 2]])
  })

  it('pages through every sort without skipping or repeating a file, in both directions', async () => {
    const { establishment, campaign, ids } = await campaignWith(45)
    const submitted = ids.filter((_, i) => i % 5 !== 0)
    const scope = { establishmentId: establishment.id }
    for (const tri of ['nom', 'depot', 'statut', 'recues'])
      for (const ordre of ['asc', 'desc']) {
        const seen: string[] = []
        for (const page of [1, 2]) {
          const { rows, total } = await listApplications(
            db,
            scope,
            parseListParams({ campagne: campaign.id, tri, ordre, page: String(page) }),
          )
          expect(total).toBe(submitted.length)
          seen.push(...rows.map((r) => r.id))
        }
        expect(seen).toHaveLength(submitted.length)
        expect([...seen].sort()).toEqual([...submitted].sort())
      }
    const byName = await listApplications(
      db,
      scope,
      parseListParams({ campagne: campaign.id, tri: 'nom', ordre: 'asc' }),
    )
    const names = byName.rows.map((r) => r.lastName!.toLowerCase())
    expect(names).toEqual([...names].sort())
  })

  it('finds a file by a fragment of its name, taking LIKE’s wildcards literally', async () => {
    const { establishment, campaign, ids } = await campaignWith(6)
    const scope = { establishmentId: establishment.id }
    const found = await listApplications(
      db,
      scope,
      parseListParams({ campagne: campaign.id, q: 'nom 3', statut: 'tous' }),
    )
    expect(found.rows.map((r) => r.id)).toEqual([ids[3]])
    // LIKE's wildcards in what is typed are taken literally.
    expect(
      (await listApplications(db, scope, parseListParams({ campagne: campaign.id, q: '%' }))).total,
    ).toBe(0)
  })
})
