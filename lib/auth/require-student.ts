import { forbidden, redirect } from 'next/navigation'
import { db } from '@/db'
import { studentAccessOf, type StudentAccess } from '@/lib/school/student-access'
import { requireViewer, type Viewer } from './session'

/** Where a minor without parental consent is sent from every student page. */
export const CONSENT_REQUIRED_PATH = '/espace/eleve/autorisation'

/**
 * Authorization for the student's pages: sends the signed-out to sign in, shows 403 to people
 * with no student record in their establishment, and sends a minor without parental consent
 * to the page that explains why (and nothing else of the student features).
 */
export async function requireStudent(
  callbackUrl: string,
): Promise<StudentAccess & { viewer: Viewer }> {
  const access = await requireStudentRecord(callbackUrl)
  if (!access.allowed) redirect(CONSENT_REQUIRED_PATH)
  return access
}

/** The same without the consent gate: for the page explaining the gate only. */
export async function requireStudentRecord(
  callbackUrl: string,
): Promise<StudentAccess & { viewer: Viewer }> {
  const viewer = await requireViewer(callbackUrl)
  const access = await studentAccessOf(db, {
    userId: viewer.user.id,
    establishmentId: viewer.establishmentId,
  })
  if (!access) forbidden()
  return { ...access, viewer }
}
