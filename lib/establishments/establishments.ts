import { asc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { establishments } from '@/db/schema'

/** What pages need to name an establishment. */
export type EstablishmentRef = { id: string; name: string; city: string; uai: string; slug: string }

const establishmentColumns = {
  id: establishments.id,
  name: establishments.name,
  city: establishments.city,
  uai: establishments.uai,
  slug: establishments.slug,
}

export async function establishmentById(
  db: Executor,
  id: string,
): Promise<EstablishmentRef | null> {
  const [row] = await db
    .select(establishmentColumns)
    .from(establishments)
    .where(eq(establishments.id, id))
  return row ?? null
}

export async function establishmentBySlug(
  db: Executor,
  slug: string,
): Promise<EstablishmentRef | null> {
  const [row] = await db
    .select(establishmentColumns)
    .from(establishments)
    .where(eq(establishments.slug, slug))
  return row ?? null
}

/** Every establishment by name, for the public pages that let a visitor choose one. */
export async function listEstablishments(db: Executor) {
  return db
    .select({ name: establishments.name, slug: establishments.slug })
    .from(establishments)
    .orderBy(asc(establishments.name))
}
