// The file formats a supporting document may have, safe to import in the browser.

export const documentFormats = ['pdf', 'jpeg', 'png'] as const
export type DocumentFormat = (typeof documentFormats)[number]

export const formatLabels: Record<DocumentFormat, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' }
export const formatMimeTypes: Record<DocumentFormat, string[]> = {
  pdf: ['application/pdf'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

/** "850 Ko", "12,3 Mo": sizes as French people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`
  // Below a megabyte, unless it would print as « 1 024 Ko ».
  if (Math.round((bytes / 1024) * 10) / 10 < 1024) return `${decimal.format(bytes / 1024)} Ko`
  return `${decimal.format(bytes / (1024 * 1024))} Mo`
}

// Phone photos of a document are re-encoded in the browser when they exceed the size limit:
// a 12-megapixel photo of an identity card is legible at this size.
export const PHOTO_MAX_EDGE = 2400

/** The size a photo is drawn at to fit within `maxEdge` on its longer side, proportions kept, never enlarged. */
export function fittedSize(
  width: number,
  height: number,
  maxEdge: number = PHOTO_MAX_EDGE,
): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height))
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  }
}
