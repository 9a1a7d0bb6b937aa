import { NextResponse } from 'next/server'
import { db } from '@/db'
import { withStaff } from '@/lib/auth/route-handlers'
import { UserFacingError } from '@/lib/errors'
import { readBodyWithLimit } from '@/lib/http/read-body'
import { requestContext } from '@/lib/http/request-context'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { CONSENT_FORM_MAX_BYTES } from '@/lib/school/consent-schemas'
import { recordUploadedConsent } from '@/lib/school/consents'
import { formatBytes } from '@/lib/storage/document-formats'
import { isUuid } from '@/lib/validation/uuid'

const refuse = (message: string, status: number) =>
  NextResponse.json({ ok: false, message }, { status })

// The signed consent form of one student: the raw bytes as the body (the browser reports
// progress), the original name in X-File-Name. Left out of proxy.ts so the body arrives
// unbuffered. A main teacher reaches only their classes' pupils (checked by the lib).
export const POST = withStaff<{ studentId: string }>(
  'consents.manage',
  async (request, context) => {
    const { studentId } = context.params
    if (!isUuid(studentId)) return refuse('Élève introuvable.', 404)
    const tooBig = () =>
      refuse(
        `Ce fichier dépasse la taille maximale autorisée (${formatBytes(CONSENT_FORM_MAX_BYTES)}).`,
        413,
      )
    if (Number(request.headers.get('content-length') ?? 0) > CONSENT_FORM_MAX_BYTES) return tooBig()
    const bytes = await readBodyWithLimit(request.body, CONSENT_FORM_MAX_BYTES)
    if (!bytes) return tooBig()
    let originalName = 'autorisation'
    try {
      originalName = decodeURIComponent(request.headers.get('x-file-name') ?? originalName)
    } catch {
      // Cosmetic only: the stored file gets a generated key.
    }
    try {
      await recordUploadedConsent(db, {
        actor: { scope: schoolScopeOf(context), userId: context.user.id, name: context.user.name },
        studentId,
        bytes,
        originalName,
        ...(await requestContext()),
      })
      return NextResponse.json({ ok: true })
    } catch (error) {
      if (error instanceof UserFacingError) {
        const message = error.fieldErrors.file?.[0] ?? error.message
        return refuse(message, message === 'Élève introuvable.' ? 404 : 422)
      }
      throw error
    }
  },
)
