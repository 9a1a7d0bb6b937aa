// The file formats a supporting document may have, safe to import in the browser.

export const documentFormats = ['pdf', 'jpeg', 'png'] as const
export type DocumentFormat = (typeof documentFormats)[number]

export const formatLabels: Record<DocumentFormat, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' }
export const formatMimeTypes: Record<DocumentFormat, string[]> = { pdf: ['application/pdf'], jpeg: ['image/jpeg'], png: ['image/png'] }

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

/** "850 Ko", "12,3 Mo": sizes as French people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`
  // Below a megabyte, unless it would print as « 1 024 Ko ».
  if (Math.round((bytes / 1024) * 10) / 10 < 1024) return `${decimal.format(bytes / 1024)} Ko`
  return `${decimal.format(bytes / (1024 * 1024))} Mo`
}
