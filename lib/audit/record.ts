import type { Executor } from '@/db'
import { auditLog, type NewAuditEntry } from '@/db/schema'

/** Appends an audit entry; pass the transaction of the change it describes. */
export async function recordAudit(tx: Executor, entry: Omit<NewAuditEntry, 'id' | 'createdAt'>) {
  await tx.insert(auditLog).values(entry)
}
