import { renderDecisionLetterPdf } from '@/components/reporting/decision-letter-pdf'
import { registerAttachmentKind } from '@/lib/mail/attachments'
import { decisionLetterProps } from './published-decision'

/** The decision letter joined to a decision email, rendered from the decision when it leaves. */
export type DecisionLetterAttachment = {
  kind: 'decision-letter'
  decisionId: string
  fileName: string
}

registerAttachmentKind<DecisionLetterAttachment>('decision-letter', async (db, ref) => {
  const props = await decisionLetterProps(db, ref.decisionId)
  if (!props) throw new Error(`decision letter ${ref.decisionId} not found`)
  return renderDecisionLetterPdf(props)
})
