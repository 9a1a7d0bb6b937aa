import { randomBytes } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { isUuid } from '@/lib/validation/uuid'
import {
  documentFormats,
  formatBytes,
  formatLabels,
  formatMimeTypes,
  type DocumentFormat,
} from './document-formats'

// Checks of an uploaded document (a candidate's supporting document today), from its bytes
// only: the name and the type the browser declared are never trusted. Server-only (file-type,
// node:crypto); the browser imports the formats from ./document-formats.

export { documentFormats, formatBytes, formatLabels, formatMimeTypes, type DocumentFormat }

const extensions: Record<DocumentFormat, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png' }
// Extensions a candidate's own name may carry for these formats; replaced by the detected one.
const knownExtensions = /\.(pdf|jpe?g|png)$/i

// file-type's verdict, by MIME type. An animated PNG is still a PNG every viewer shows.
const detected: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/apng': 'png',
}

export type InspectedUpload =
  | {
      ok: true
      format: DocumentFormat
      mime: string
      extension: string
      size: number
      displayName: string
    }
  | { ok: false; message: string }

export async function inspectUpload(
  bytes: Uint8Array,
  options: { allowed: readonly DocumentFormat[]; maxBytes: number; originalName: string },
): Promise<InspectedUpload> {
  const size = bytes.byteLength
  if (size === 0) return { ok: false, message: 'Ce fichier est vide.' }
  if (size > options.maxBytes) {
    const [actual, max] = [formatBytes(size), formatBytes(options.maxBytes)]
    // 5 Mo and 1 byte would otherwise read "pèse 5 Mo ; la taille maximale est 5 Mo".
    return {
      ok: false,
      message: `Ce fichier pèse ${actual === max ? 'un peu plus de ' : ''}${actual} ; la taille maximale est ${max}.`,
    }
  }
  const accepted =
    options.allowed.length > 0
      ? `formats acceptés : ${options.allowed.map((f) => formatLabels[f]).join(', ')}`
      : 'aucun format n’est accepté pour cette pièce'
  const type = await fileTypeFromBuffer(bytes)
  const format = type ? detected[type.mime] : undefined
  if (!format)
    return { ok: false, message: `Ce fichier n’est pas un PDF, JPEG ou PNG valide (${accepted}).` }
  if (!options.allowed.includes(format))
    return {
      ok: false,
      message: `Ce fichier est un ${formatLabels[format]}, qui n’est pas accepté pour cette pièce (${accepted}).`,
    }
  const extension = extensions[format]
  return {
    ok: true,
    format,
    mime: formatMimeTypes[format][0]!,
    extension,
    size,
    displayName: displayName(options.originalName, extension),
  }
}

// Control characters, invisible formatting (including the right-to-left override that makes
// "cv‮fdp.exe" read "cv.exe.pdf") and lone surrogates, which cannot be encoded.
const unprintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu

/**
 * The candidate's name for their file, for display only (the stored file has a generated
 * key): no folders, nothing invisible, at most 120 characters, and the extension of the type
 * actually detected ("cv.png" holding a PDF is shown as "cv.pdf").
 */
export function displayName(originalName: string, extension: string): string {
  const lastPart = originalName.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const cleaned = lastPart.replace(unprintable, '').replace(/\s+/g, ' ').trim()
  const stem = cleaned.replace(knownExtensions, '')
  const room = 120 - extension.length - 1
  const cut = Array.from(stem).slice(0, room).join('') // by code point: never half an emoji
  const tidy = cut.replace(/^[\s.]+|[\s.]+$/g, '')
  return `${tidy || 'document'}.${extension}`
}

const storedExtensions = new Set(Object.values(extensions))

/**
 * A generated storage key, establishment/owner/random.ext, where the owner is the record the
 * file belongs to (an application today): nothing the uploader typed.
 */
export function storedFileKey(params: {
  establishmentId: string
  ownerId: string
  ext: string
}): string {
  if (!isUuid(params.establishmentId))
    throw new Error(
      `Invalid establishment id for a file key: ${JSON.stringify(params.establishmentId)}`,
    )
  if (!isUuid(params.ownerId))
    throw new Error(`Invalid owner id for a file key: ${JSON.stringify(params.ownerId)}`)
  if (!storedExtensions.has(params.ext))
    throw new Error(`Invalid extension for a file key: ${JSON.stringify(params.ext)}`)
  return `${params.establishmentId.toLowerCase()}/${params.ownerId.toLowerCase()}/${randomBytes(16).toString('hex')}.${params.ext}`
}
