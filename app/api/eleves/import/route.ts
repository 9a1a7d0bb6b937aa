import { NextResponse } from 'next/server'
import { db } from '@/db'
import { withStaff } from '@/lib/auth/route-handlers'
import { UserFacingError } from '@/lib/errors'
import { readBodyWithLimit } from '@/lib/http/read-body'
import { MAX_IMPORT_BYTES } from '@/lib/school/student-import/read-table'
import { previewImport } from '@/lib/school/student-import/imports'
import { isUuid } from '@/lib/validation/uuid'

const refuse = (message: string, status: number) =>
  NextResponse.json({ ok: false, message }, { status })

// The school's student list: the raw bytes as the body (so the browser reports progress),
// the file's name in X-File-Name, the school year in ?annee=. Answers the preview's id;
// nothing but the preview is written.
export const POST = withStaff('students.import', async (request, { actor }) => {
  const schoolYearId = new URL(request.url).searchParams.get('annee') ?? ''
  if (!isUuid(schoolYearId)) return refuse('Année scolaire introuvable.', 404)
  const tooBig = () => refuse('Le fichier dépasse 5 Mo : découpez la liste par niveau.', 413)
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) return tooBig()
  const bytes = await readBodyWithLimit(request.body, MAX_IMPORT_BYTES)
  if (!bytes) return tooBig()
  let fileName = 'liste.csv'
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? fileName) || fileName
  } catch {
    // A malformed name is only shown back to the person.
  }
  try {
    const preview = await previewImport(db, actor, { fileName, bytes, schoolYearId })
    return NextResponse.json({ ok: true, id: preview.id })
  } catch (error) {
    if (error instanceof UserFacingError) return refuse(error.message, 422)
    throw error
  }
})
