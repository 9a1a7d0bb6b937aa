import { Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '@/db'
import {
  admissionCampaigns,
  applicationDocuments,
  applications,
  campaignDocuments,
  programmes,
} from '@/db/schema'
import { scopeCondition } from '@/lib/admissions/staff-scope'
import type { StaffScope } from '@/lib/auth/staff-context'
import { storage } from '@/lib/storage'

/** A name safe inside a ZIP on every system: no separators, no control or reserved characters. */
export function zipSafe(name: string): string {
  return (
    name

      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
      .replace(/^\.+/, '_')
      .trim()
      .slice(0, 100) || 'sans-nom'
  )
}

// One archive holds at most this many applications' documents (a whole campaign of a lycée).
export const MAX_ZIP_APPLICATIONS = 2000

/** The documents of the chosen applications (in the scope only), one folder per candidate. */
export async function documentsForZip(db: Executor, scope: StaffScope, applicationIds: string[]) {
  if (applicationIds.length === 0) return []
  return db
    .select({
      storageKey: applicationDocuments.storageKey,
      fileName: applicationDocuments.fileName,
      requirement: campaignDocuments.name,
      firstName: applications.firstName,
      lastName: applications.lastName,
      applicationId: applications.id,
      programme: programmes.name,
    })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .innerJoin(campaignDocuments, eq(campaignDocuments.id, applicationDocuments.campaignDocumentId))
    .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .where(and(inArray(applications.id, applicationIds), scopeCondition(scope)))
    .orderBy(asc(applications.lastName), asc(applications.id), asc(campaignDocuments.position))
}

/**
 * Streams a ZIP of the files: each is read from storage when the archive reaches it, so
 * neither the files nor the archive are ever whole in memory.
 */
export function zipStream(
  files: Awaited<ReturnType<typeof documentsForZip>>,
): ReadableStream<Uint8Array> {
  const archive = new ZipArchive({ zlib: { level: 6 } })
  void (async () => {
    try {
      for (const f of files) {
        const stored = await storage().get(f.storageKey)
        if (!stored) continue
        const folder = zipSafe(
          `${(f.lastName ?? '').toUpperCase()} ${f.firstName ?? ''} — ${f.programme} — ${f.applicationId.slice(0, 8)}`,
        )
        const extension = f.fileName.match(/\.[a-z0-9]+$/i)?.[0] ?? ''
        archive.append(stored.body, { name: `${folder}/${zipSafe(f.requirement)}${extension}` })
        // One file at a time: wait until the archive has consumed this one.
        await new Promise<void>((resolve, reject) => {
          stored.body.once('end', resolve)
          stored.body.once('error', reject)
        })
      }
      await archive.finalize()
    } catch (error) {
      archive.destroy(error as Error)
    }
  })()
  return Readable.toWeb(archive) as ReadableStream<Uint8Array>
}
