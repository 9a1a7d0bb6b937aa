import { db } from '@/db'
import { contentDisposition } from '@/lib/http/content-disposition'
import { decisionLetterProps } from '@/lib/admissions/published-decision'
import { isInScope } from '@/lib/admissions/staff-scope'
import { notFound, withViewer } from '@/lib/auth/route-handlers'
import { renderDecisionLetterPdf } from '@/components/reporting/decision-letter-pdf'

// A published decision letter, for its candidate or the staff who may see the application.
export const GET = withViewer<{ id: string }>(async (_request, { viewer, params, staff }) => {
  const props = await decisionLetterProps(db, params.id)
  if (!props) return notFound()
  // Staff: in the establishment they work in for this session only.
  const asStaff = staff('applications.view')
  const allowed =
    props.candidateUserId === viewer.user.id ||
    (asStaff?.establishmentId === props.establishmentId &&
      (await isInScope(db, asStaff.scope, props.applicationId)))
  if (!allowed) return notFound()
  const pdf = await renderDecisionLetterPdf(props)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition('lettre-de-decision.pdf'),
      'Cache-Control': 'private, no-store',
    },
  })
})
