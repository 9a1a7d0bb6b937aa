import type { Metadata } from 'next'
import Link from 'next/link'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Vérifiez vos e-mails' }

export default function CheckEmailPage() {
  const isDev = process.env.NODE_ENV !== 'production'
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Vérifiez votre boîte e-mail</h1>
      <Card className="space-y-3">
        <p>
          Si l’adresse est correcte, un lien de connexion vient de vous être envoyé. Il est valable
          30 minutes et ne sert qu’une fois.
        </p>
        <p className="text-sm text-slate-600">
          Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, puis{' '}
          <Link className="font-medium text-brand-700 underline" href="/connexion">
            demandez un nouveau lien
          </Link>
          .
        </p>
        {isDev ? (
          <p className="text-sm">
            En développement, les e-mails sont dans la{' '}
            <Link className="font-medium text-brand-700 underline" href="/dev/mailbox">
              boîte de développement
            </Link>
            .
          </p>
        ) : null}
      </Card>
    </div>
  )
}
