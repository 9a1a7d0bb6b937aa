import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { auditLog, establishments } from '@/db/schema'
import { createEstablishment, createMember } from '@/db/test/factories'
import { UserFacingError } from '@/lib/errors'
import { storage } from '@/lib/storage'
import { establishmentLogo } from './logo'
import { removeLogo, replaceLogo } from './logo-upload'
import { establishmentProfileSchema } from './schemas'
import { establishmentProfile, updateEstablishmentProfile } from './settings'

const png = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
)

async function setup() {
  const establishment = await createEstablishment(db)
  const head = await createMember(db, establishment.id, 'head')
  const other = await createEstablishment(db)
  return {
    establishment,
    other,
    actor: { establishmentId: establishment.id, actorUserId: head.id },
  }
}

const audit = (establishmentId: string) =>
  db.select().from(auditLog).where(eq(auditLog.establishmentId, establishmentId))

describe('the establishment’s details', () => {
  it('a head edits their own establishment only; the audit keeps what changed, before and after', async () => {
    const { establishment, other, actor } = await setup()
    const input = establishmentProfileSchema.parse({
      name: 'Collège Jean Jaurès',
      address: '2 rue de la République',
      postcode: '31770',
      city: 'COLOMIERS',
      latitude: '43,6112',
      longitude: '1,3355',
      emailDomains: 'college-jaures.fr',
    })
    await updateEstablishmentProfile(db, actor, input)
    expect(await establishmentProfile(db, establishment.id)).toMatchObject({
      name: 'Collège Jean Jaurès',
      city: 'Colomiers',
      postcode: '31770',
      latitude: 43.6112,
      emailDomains: ['college-jaures.fr'],
    })
    const [untouched] = await db
      .select()
      .from(establishments)
      .where(eq(establishments.id, other.id))
    expect(untouched!.name).toBe(other.name)
    const [entry] = await audit(establishment.id)
    expect(entry).toMatchObject({ action: 'establishment.updated', actorUserId: actor.actorUserId })
    expect(entry!.before).toMatchObject({ name: establishment.name, postcode: null })
    expect(entry!.after).toMatchObject({ name: 'Collège Jean Jaurès', postcode: '31770' })
    // Saving the same details again changes nothing and logs nothing.
    await updateEstablishmentProfile(db, actor, input)
    expect(await audit(establishment.id)).toHaveLength(1)
  })

  it('refuses a commune of another postcode', async () => {
    const { actor } = await setup()
    const input = establishmentProfileSchema.parse({
      name: 'Collège',
      postcode: '31000',
      city: 'Colomiers',
      emailDomains: '',
    })
    const error = await updateEstablishmentProfile(db, actor, input).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as UserFacingError).fieldErrors.city).toBeDefined()
  })

  it('stores a logo checked by its bytes, replaces it (the old file deleted), and removes it', async () => {
    const { establishment, actor } = await setup()
    const first = await replaceLogo(db, actor, png)
    expect(first).toMatch(new RegExp(`^logos/${establishment.id}/[0-9a-f]{32}\\.png$`))
    const logo = await establishmentLogo(db, establishment.id)
    expect(logo?.url).toMatch(new RegExp(`^/api/etablissements/${establishment.id}/logo\\?v=`))
    const second = await replaceLogo(db, actor, png)
    expect(await storage().get(first)).toBeNull()
    expect(await storage().get(second)).not.toBeNull()
    const refused = await replaceLogo(db, actor, new TextEncoder().encode('<svg onload="x()"/>'))
      .then(() => null)
      .catch((e: unknown) => e)
    expect((refused as UserFacingError).fieldErrors.logo?.[0]).toMatch(/script/)
    await removeLogo(db, actor)
    expect((await establishmentLogo(db, establishment.id))?.url).toBeNull()
    expect(await storage().get(second)).toBeNull()
    expect((await audit(establishment.id)).map((a) => a.action).sort()).toEqual([
      'establishment.logo_changed',
      'establishment.logo_changed',
      'establishment.logo_removed',
    ])
  })
})
