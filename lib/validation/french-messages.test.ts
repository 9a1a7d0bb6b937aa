import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import './french-messages'

describe('zod’s own messages', () => {
  it('are French for checks a schema does not word itself', () => {
    const result = z
      .object({ id: z.uuid(), count: z.number().int() })
      .safeParse({ id: 'pas-un-id', count: 1.5 })
    const messages = result.error!.issues.map((i) => i.message)
    expect(messages).toHaveLength(2)
    for (const message of messages) expect(message).not.toMatch(/Invalid|expected/)
    expect(messages.join(' ')).toMatch(/invalide|attendu/i)
  })
})
