import { describe, expect, it } from 'vitest'
import { db } from '@/db'
import { createEstablishment, createMember } from '@/db/test/factories'
import { toParisDate } from '@/lib/paris-time'
import { recordAudit } from './record'
import { auditPage } from './queries'

describe('audit log queries', () => {
  it('filter by action, person, object and date, within the establishment only', async () => {
    const establishment = await createEstablishment(db)
    const other = await createEstablishment(db)
    const coordinator = await createMember(db, establishment.id, 'coordinator')
    const entry = (action: string, subjectId: string, extra: object = {}) =>
      recordAudit(db, {
        establishmentId: establishment.id,
        actorUserId: coordinator.id,
        action,
        subjectType: 'application',
        subjectId,
        ...extra,
      })
    await entry('document.reviewed', 'app-1', {
      before: { status: 'pending' },
      after: { status: 'valid' },
    })
    await entry('decision.entered', 'app-2')
    await recordAudit(db, {
      establishmentId: establishment.id,
      actorLabel: 'Tremplin (automatique)',
      action: 'application.status_changed',
      subjectType: 'application',
      subjectId: 'app-1',
    })
    await recordAudit(db, {
      establishmentId: other.id,
      action: 'document.reviewed',
      subjectType: 'application',
      subjectId: 'app-9',
    })

    expect((await auditPage(db, establishment.id)).rows).toHaveLength(3)
    expect(
      (await auditPage(db, establishment.id, { action: 'document.reviewed' })).rows.map(
        (r) => r.subjectId,
      ),
    ).toEqual(['app-1'])
    expect((await auditPage(db, establishment.id, { id: 'app-1' })).rows).toHaveLength(2)
    expect(
      (await auditPage(db, establishment.id, { qui: coordinator.email.slice(0, 12) })).rows,
    ).toHaveLength(2)
    expect(
      (await auditPage(db, establishment.id, { qui: 'automatique' })).rows.map((r) => r.action),
    ).toEqual(['application.status_changed'])
    const today = toParisDate(new Date())
    expect((await auditPage(db, establishment.id, { du: today, au: today })).rows).toHaveLength(3)
    expect((await auditPage(db, establishment.id, { au: '2020-01-01' })).rows).toHaveLength(0)
  })
})
