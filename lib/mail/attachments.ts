import type { Executor } from '@/db'
import type { EmailAttachmentRef } from '@/db/schema'
import { decisionLetterProps } from '@/lib/admissions/published-decision'
import { renderDecisionLetterPdf } from '@/components/reporting/decision-letter-pdf'
import type { OutgoingAttachment } from './transports'

/**
 * Produces the files an outbox row names, at send time: the outbox stays small and a file is
 * always the current rendering of what the database holds. A file that cannot be produced
 * makes the send fail, to be retried like any other failure.
 */
export async function resolveAttachments(
  db: Executor,
  refs: EmailAttachmentRef[],
): Promise<OutgoingAttachment[]> {
  const out: OutgoingAttachment[] = []
  for (const ref of refs) {
    if (ref.kind === 'decision-letter') {
      const props = await decisionLetterProps(db, ref.decisionId)
      if (!props) throw new Error(`decision letter ${ref.decisionId} not found`)
      out.push({ filename: ref.fileName, content: await renderDecisionLetterPdf(props) })
    }
  }
  return out
}
