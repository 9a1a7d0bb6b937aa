/**
 * A signed-in person acting in one establishment: what a staff write in `lib/` needs to
 * check the establishment owns what it touches and to sign the audit entry.
 */
export type Actor = { establishmentId: string; actorUserId: string }
