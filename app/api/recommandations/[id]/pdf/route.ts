import { Readable } from 'node:stream'
import { renderToStream, type DocumentProps } from '@react-pdf/renderer'
import { createElement, type ReactElement } from 'react'
import { db } from '@/db'
import { downloadRecommendation } from '@/lib/admissions/recommendation-download'
import { notFound, withStaff } from '@/lib/auth/route-handlers'
import { contentDisposition } from '@/lib/http/content-disposition'
import { RecommendationPdf } from '@/components/reporting/recommendation-pdf'

// One submitted recommendation as a PDF carrying its verification code (staff of its establishment only).
export const GET = withStaff<{ id: string }>(
  'recommendations.read',
  async (_request, { actor, scope, params }) => {
    const found = await downloadRecommendation(db, { actor, scope }, params.id)
    if (!found) return notFound()
    const pdf = createElement(
      RecommendationPdf,
      found.document,
    ) as unknown as ReactElement<DocumentProps>
    const stream = await renderToStream(pdf)
    return new Response(
      Readable.toWeb(stream as unknown as Readable) as ReadableStream<Uint8Array>,
      {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': contentDisposition(found.fileName),
          'Cache-Control': 'no-store',
        },
      },
    )
  },
)
