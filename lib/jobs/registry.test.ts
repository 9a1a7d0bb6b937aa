import { describe, expect, it } from 'vitest'
import { registeredAttachmentKinds } from '@/lib/mail/attachments'
import { jobs } from './registry'

describe('job registry', () => {
  it('names each job once, and sends mail on every tick first', () => {
    const names = jobs.map((j) => j.name)
    expect(new Set(names).size).toBe(names.length)
    expect(jobs[0]).toMatchObject({ name: 'mail', everyMs: 0 })
  })

  it('lets the dispatcher produce the decision letter that decision emails join', () => {
    expect(registeredAttachmentKinds()).toContain('decision-letter')
  })
})
