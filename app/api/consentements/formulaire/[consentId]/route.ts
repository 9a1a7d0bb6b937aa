import { Readable } from 'node:stream'
import { db } from '@/db'
import { contentDisposition } from '@/lib/http/content-disposition'
import { recordAudit } from '@/lib/audit/record'
import { notFound, withStaff } from '@/lib/auth/route-handlers'
import { schoolScopeOf } from '@/lib/school/class-scope'
import { consentFormFor } from '@/lib/school/consents'
import { storage } from '@/lib/storage'
import { isUuid } from '@/lib/validation/uuid'

const mimeOf = (name: string) =>
  name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.png') ? 'image/png' : 'image/jpeg'

// A signed consent form, for the staff who manage that pupil's consent; the same 404 for
// everything else.
export const GET = withStaff<{ consentId: string }>(
  'consents.manage',
  async (_request, context) => {
    if (!isUuid(context.params.consentId)) return notFound()
    const form = await consentFormFor(db, schoolScopeOf(context), context.params.consentId)
    if (!form) return notFound()
    const file = await storage().get(form.key)
    if (!file) return notFound('Fichier introuvable.')
    await recordAudit(db, {
      establishmentId: form.establishmentId,
      actorUserId: context.user.id,
      action: 'consent.form_downloaded',
      subjectType: 'student',
      subjectId: form.studentId,
    })
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        'Content-Type': mimeOf(form.key),
        'Content-Disposition': contentDisposition(form.name, 'attachment'),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    })
  },
)
