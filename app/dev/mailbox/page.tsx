import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { latestEmails } from '@/lib/mail/outbox-queries'
import { formatDateTime } from '@/lib/format'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'

export const metadata: Metadata = { title: 'Boîte de développement' }

const statusLabel = {
  pending: 'En attente',
  sending: 'Envoi',
  sent: 'Envoyé',
  dead: 'Refusé (définitif)',
  failed: 'Échec (à relancer)',
} as const

// Development only: every message of the outbox, whoever it is for.
export default async function DevMailboxPage() {
  if (process.env.NODE_ENV === 'production') notFound()
  const emails = await latestEmails(db)
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Boîte de développement</h1>
      <p className="text-sm text-slate-600">
        Tous les e-mails mis en file d’attente par l’application (100 derniers). Cette page n’existe
        pas en production.
      </p>
      {emails.length === 0 ? (
        <EmptyState title="Aucun e-mail pour l’instant." />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {emails.map((email) => (
            <li key={email.id}>
              <Link
                href={`/dev/mailbox/${email.id}`}
                className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4"
              >
                <span className="w-36 shrink-0 text-sm text-slate-600">
                  {formatDateTime(email.createdAt)}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{email.subject}</span>
                  <span className="block truncate text-sm text-slate-600">à {email.toAddress}</span>
                </span>
                <Badge
                  tone={
                    email.status === 'dead'
                      ? 'danger'
                      : email.status === 'failed'
                        ? 'warning'
                        : email.status === 'sent'
                          ? 'success'
                          : 'neutral'
                  }
                >
                  {statusLabel[email.status]}
                </Badge>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
