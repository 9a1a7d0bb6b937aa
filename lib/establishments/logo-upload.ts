import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import type { Database } from '@/db'
import { establishments } from '@/db/schema'
import type { Actor } from '@/lib/auth/actor'
import { recordAudit } from '@/lib/audit/record'
import { UserFacingError } from '@/lib/errors'
import { storage } from '@/lib/storage'
import { formatBytes } from '@/lib/storage/document-formats'
import { LOGO_MAX_BYTES, logoFormats, type LogoExtension } from './logo'

// Uploading the logo: its type is read from the bytes (file-type for PNG, JPEG and WebP; SVG,
// which is text, by its markup), never from the name or the browser's word.

const detected: Record<string, LogoExtension> = {
  'image/png': 'png',
  'image/apng': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
}

// An SVG is a document that can run script: only a plain drawing is accepted (no script, no
// event handler, no embedded HTML, no reference to anything outside the file).
const svgDanger =
  /<script|<foreignObject|<iframe|<embed|<object|<\?xml-stylesheet|@import|\son[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["']\s*(?!#)|url\(\s*["']?\s*(?!#)/i

function inspectSvg(bytes: Uint8Array): 'svg' | 'unsafe' | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '')
  const start = text
    .replace(/^\s*(<\?xml[^>]*\?>\s*)?/, '')
    .replace(/^(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '')
  if (!/^<svg[\s>]/i.test(start)) return null
  return svgDanger.test(text) ? 'unsafe' : 'svg'
}

export type InspectedLogo = { ok: true; extension: LogoExtension } | { ok: false; message: string }

/** Whether these bytes may be a logo: an image of an accepted type, within the size limit. */
export async function inspectLogo(bytes: Uint8Array): Promise<InspectedLogo> {
  if (bytes.byteLength === 0) return { ok: false, message: 'Logo : ce fichier est vide.' }
  if (bytes.byteLength > LOGO_MAX_BYTES)
    return {
      ok: false,
      message: `Logo : ce fichier pèse ${formatBytes(bytes.byteLength)} ; la taille maximale est ${formatBytes(LOGO_MAX_BYTES)}.`,
    }
  const type = await fileTypeFromBuffer(bytes)
  const extension = type ? detected[type.mime] : undefined
  if (extension) return { ok: true, extension }
  // SVG is text: file-type finds nothing, or XML when it starts with a declaration.
  const svg = !type || /xml/.test(type.mime) ? inspectSvg(bytes) : null
  if (svg === 'svg') return { ok: true, extension: 'svg' }
  if (svg === 'unsafe')
    return {
      ok: false,
      message:
        'Logo : cette image SVG contient du script ou des liens vers l’extérieur ; exportez-la en PNG ou en SVG simple.',
    }
  return { ok: false, message: 'Logo : formats acceptés PNG, JPEG, WebP ou SVG.' }
}

/** Replaces the establishment's logo; the previous file is deleted once the change is committed. */
export async function replaceLogo(db: Database, actor: Actor, bytes: Uint8Array) {
  const inspected = await inspectLogo(bytes)
  if (!inspected.ok) throw new UserFacingError(inspected.message, { logo: [inspected.message] })
  const key = `logos/${actor.establishmentId}/${randomBytes(16).toString('hex')}.${inspected.extension}`
  await storage().put(key, bytes, logoFormats[inspected.extension])
  let previous: string | null = null
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ logoKey: establishments.logoKey })
        .from(establishments)
        .where(eq(establishments.id, actor.establishmentId))
        .for('update')
      if (!before) throw new UserFacingError('Établissement introuvable.')
      previous = before.logoKey
      await tx
        .update(establishments)
        .set({ logoKey: key, updatedAt: new Date() })
        .where(eq(establishments.id, actor.establishmentId))
      await recordAudit(tx, {
        establishmentId: actor.establishmentId,
        actorUserId: actor.actorUserId,
        action: 'establishment.logo_changed',
        subjectType: 'establishment',
        subjectId: actor.establishmentId,
        after: { format: inspected.extension, size: bytes.byteLength },
      })
    })
  } catch (error) {
    await storage().delete(key)
    throw error
  }
  if (previous) await storage().delete(previous)
  return key
}

/** Removes the logo (the header shows the establishment's name alone). */
export async function removeLogo(db: Database, actor: Actor) {
  let previous: string | null = null
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ logoKey: establishments.logoKey })
      .from(establishments)
      .where(eq(establishments.id, actor.establishmentId))
      .for('update')
    previous = before?.logoKey ?? null
    if (!previous) return
    await tx
      .update(establishments)
      .set({ logoKey: null, updatedAt: new Date() })
      .where(eq(establishments.id, actor.establishmentId))
    await recordAudit(tx, {
      establishmentId: actor.establishmentId,
      actorUserId: actor.actorUserId,
      action: 'establishment.logo_removed',
      subjectType: 'establishment',
      subjectId: actor.establishmentId,
    })
  })
  if (previous) await storage().delete(previous)
}
