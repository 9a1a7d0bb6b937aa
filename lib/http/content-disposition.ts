// Control characters, invisible formatting (including the right-to-left override that makes
// "cv‮fdp.exe" read "cv.exe.pdf") and lone surrogates, which cannot be encoded.
const unprintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu

/**
 * The one Content-Disposition header of every download (RFC 6266): an ASCII `filename` for
 * old clients, and the real name as RFC 5987 UTF-8 in `filename*`, which current browsers
 * prefer. No file name can break the header, whoever typed it (a candidate's document, a
 * candidate's name in a PDF's name).
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const name =
    fileName.normalize('NFC').replace(unprintable, '').replace(/\s+/g, ' ').trim() || 'document'
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // "relevé" → "releve" rather than "relev_"
    // Quotes and backslashes would end or escape the quoted string; "%" may be decoded by some clients.
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
  // RFC 5987 attr-chars: encodeURIComponent leaves ' ( ) * as they are, which filename* forbids.
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
