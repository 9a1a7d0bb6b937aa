import { NextResponse } from 'next/server'
import { db } from '@/db'
import { contentDisposition } from '@/lib/http/content-disposition'
import { decisionLetterProps } from '@/lib/admissions/published-decision'
import { scopeCondition, staffScope } from '@/lib/admissions/staff-scope'
import { can } from '@/lib/auth/permissions'
import { getViewer } from '@/lib/auth/session'
import { applications } from '@/db/schema'
import { and, eq } from 'drizzle-orm'
import { renderDecisionLetterPdf } from '@/components/reporting/decision-letter-pdf'

// A published decision letter, for its candidate or the staff who may see the application.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer()
  if (!viewer) return NextResponse.json({ error: 'Vous devez être connecté.' }, { status: 401 })
  const props = await decisionLetterProps(db, (await params).id)
  if (!props) return NextResponse.json({ error: 'Introuvable.' }, { status: 404 })
  let allowed = props.candidateUserId === viewer.user.id
  // Staff: in the establishment they work in for this session only.
  if (
    !allowed &&
    props.establishmentId === viewer.establishmentId &&
    viewer.memberships.some(
      (m) => m.establishmentId === props.establishmentId && can(m.role, 'applications.view'),
    )
  ) {
    const scope = staffScope(viewer.memberships, props.establishmentId, viewer.user.id)
    const [row] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, props.applicationId), scopeCondition(scope)))
    allowed = Boolean(row)
  }
  if (!allowed) return NextResponse.json({ error: 'Introuvable.' }, { status: 404 })
  const pdf = await renderDecisionLetterPdf(props)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition('lettre-de-decision.pdf'),
      'Cache-Control': 'private, no-store',
    },
  })
}
