import type { Metadata } from 'next'
import { SignInForm } from '@/components/auth/sign-in-form'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Connexion impossible' }

const messages: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'Ce lien de connexion n’est plus valable',
    body: 'Il a expiré ou a déjà servi. Demandez un nouveau lien : il arrivera dans quelques instants.',
  },
  AccessDenied: {
    title: 'Accès refusé',
    body: 'Ce compte ne peut pas se connecter. Contactez votre établissement.',
  },
  Configuration: {
    title: 'Connexion momentanément indisponible',
    body: 'Le service de connexion rencontre un problème. Réessayez dans quelques minutes.',
  },
}

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>
}) {
  const { error } = await searchParams
  const message = messages[error ?? ''] ?? {
    title: 'Connexion impossible',
    body: 'Une erreur est survenue pendant la connexion. Demandez un nouveau lien.',
  }
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{message.title}</h1>
      <Card className="space-y-4">
        <p>{message.body}</p>
        <SignInForm />
      </Card>
    </div>
  )
}
