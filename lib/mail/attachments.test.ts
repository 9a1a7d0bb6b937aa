import { describe, expect, it } from 'vitest'
import type { Executor } from '@/db'
import {
  registerAttachmentKind,
  registeredAttachmentKinds,
  resolveAttachments,
} from './attachments'

const db = {} as Executor

describe('mail attachments by kind', () => {
  it('produces each file with the resolver its domain registered, in order', async () => {
    registerAttachmentKind<{ kind: 'test-note'; noteId: string; fileName: string }>(
      'test-note',
      async (_db, ref) => Buffer.from(`note ${ref.noteId}`),
    )
    const files = await resolveAttachments(db, [
      { kind: 'test-note', noteId: 'b', fileName: 'b.txt' },
      { kind: 'test-note', noteId: 'a', fileName: 'a.txt' },
    ])
    expect(files.map((f) => [f.filename, f.content.toString()])).toEqual([
      ['b.txt', 'note b'],
      ['a.txt', 'note a'],
    ])
    expect(registeredAttachmentKinds()).toContain('test-note')
  })

  it('fails the send for a kind nobody registered, rather than sending without the file', async () => {
    await expect(
      resolveAttachments(db, [{ kind: 'unheard-of', fileName: 'x.pdf' }]),
    ).rejects.toThrow(/unheard-of/)
  })

  it('fails the send when the file cannot be produced', async () => {
    registerAttachmentKind('test-missing', async () => {
      throw new Error('record gone')
    })
    await expect(
      resolveAttachments(db, [{ kind: 'test-missing', fileName: 'x.pdf' }]),
    ).rejects.toThrow('record gone')
  })
})
