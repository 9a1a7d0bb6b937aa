import { describe, expect, it } from 'vitest'
import { outboxIdTag } from './bounces'

describe('outbox id tag', () => {
  const id = '6d1e0ef6-3d2b-4a57-a9f5-0b7bc0a1c001'
  it('reads the tag as webhooks send it (object) and as sent (list)', () => {
    expect(outboxIdTag({ outbox_id: id, other: 'x' })).toBe(id)
    expect(
      outboxIdTag([
        { name: 'category', value: 'x' },
        { name: 'outbox_id', value: id },
      ]),
    ).toBe(id)
  })
  it('ignores anything that is not one of our ids', () => {
    expect(outboxIdTag({ outbox_id: "1' or 1=1" })).toBeUndefined()
    expect(outboxIdTag(undefined)).toBeUndefined()
    expect(outboxIdTag('outbox_id')).toBeUndefined()
  })
})
