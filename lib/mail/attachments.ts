import type { Executor } from '@/db'
import type { EmailAttachmentRef } from '@/db/schema'
import type { OutgoingAttachment } from './transports'

/** Produces the bytes of one kind of file from what the outbox row says about it. */
export type AttachmentResolver<R extends EmailAttachmentRef = EmailAttachmentRef> = (
  db: Executor,
  ref: R,
) => Promise<Buffer>

// Each domain registers the kinds of file its emails join (admissions: the decision letter);
// the mail service knows none of them.
const resolvers = new Map<string, AttachmentResolver>()

/**
 * Declares how to produce the files of one kind. Registering a kind again replaces its
 * resolver (a module reloaded in development registers itself anew).
 */
export function registerAttachmentKind<R extends EmailAttachmentRef>(
  kind: R['kind'],
  resolve: AttachmentResolver<R>,
): void {
  resolvers.set(kind, resolve as AttachmentResolver)
}

/** The kinds the dispatcher can produce in this process. */
export function registeredAttachmentKinds(): string[] {
  return [...resolvers.keys()].sort()
}

/**
 * Produces the files an outbox row names, at send time: the outbox stays small and a file is
 * always the current rendering of what the database holds. A file that cannot be produced
 * (unknown kind, missing record) makes the send fail, to be retried like any other failure.
 */
export async function resolveAttachments(
  db: Executor,
  refs: EmailAttachmentRef[],
): Promise<OutgoingAttachment[]> {
  const out: OutgoingAttachment[] = []
  for (const ref of refs) {
    const resolve = resolvers.get(ref.kind)
    if (!resolve) throw new Error(`no resolver registered for attachment kind "${ref.kind}"`)
    out.push({ filename: ref.fileName, content: await resolve(db, ref) })
  }
  return out
}
