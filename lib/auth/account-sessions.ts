import { desc, eq } from 'drizzle-orm'
import type { Database, Executor } from '@/db'
import { sessions } from '@/db/schema'
import { recordAccountEvent } from './account-audit'

export type OpenSession = { signedInAt: Date; lastSeenAt: Date; current: boolean }

/** The person's open sessions (one per browser), newest first; tokens never leave this function. */
export async function openSessionsOf(
  db: Executor,
  params: { userId: string; currentToken: string | null },
): Promise<OpenSession[]> {
  const rows = await db
    .select({
      token: sessions.sessionToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, params.userId))
    .orderBy(desc(sessions.lastSeenAt))
  return rows.map((r) => ({
    signedInAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    current: r.token === params.currentToken,
  }))
}

/** "Se déconnecter partout": every session of the person ends now, this one included. */
export async function signOutEverywhere(
  db: Database,
  params: { userId: string; ip?: string | null; userAgent?: string | null },
): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, params.userId))
      .returning({ token: sessions.sessionToken })
    await recordAccountEvent(tx, {
      userId: params.userId,
      action: 'auth.signed_out_everywhere',
      after: { sessions: ended.length },
      ip: params.ip,
      userAgent: params.userAgent,
    })
    return ended.length
  })
}
