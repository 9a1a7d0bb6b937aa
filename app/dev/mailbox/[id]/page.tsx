import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { db } from '@/db'
import { emailById } from '@/lib/mail/outbox-queries'
import { formatDateTime } from '@/lib/format'

export const metadata: Metadata = { title: 'Message' }

export default async function DevMailboxMessagePage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  if (process.env.NODE_ENV === 'production') notFound()
  const email = await emailById(db, (await params).id)
  if (!email) notFound()
  return (
    <div className="space-y-4">
      <Link href="/dev/mailbox" className="text-sm font-medium text-brand-700 underline">
        ← Boîte de développement
      </Link>
      <h1 className="text-2xl font-bold">{email.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">À</dt>
        <dd className="break-all">{email.toAddress}</dd>
        <dt className="font-semibold">Créé</dt>
        <dd>{formatDateTime(email.createdAt)}</dd>
        <dt className="font-semibold">État</dt>
        <dd>
          {email.status} ({email.attempts} tentative{email.attempts > 1 ? 's' : ''})
          {email.lastError ? ` — ${email.lastError}` : ''}
        </dd>
      </dl>
      {/* Sandboxed: the email's HTML cannot run scripts or touch this page. */}
      <iframe
        title="Version HTML du message"
        srcDoc={email.html}
        sandbox=""
        className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white"
      />
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium">Version texte</summary>
        <pre className="mt-3 text-sm whitespace-pre-wrap">{email.text}</pre>
      </details>
    </div>
  )
}
