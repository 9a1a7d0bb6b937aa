import type { Metadata } from 'next'
import { RegistrationForm } from '@/components/establishments/registration-form'

export const metadata: Metadata = { title: 'Inscrire votre établissement' }

// Seed 004: a head of establishment registers their school; the platform's team approves.
export default function EstablishmentRegistrationPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">Inscrire votre établissement</h1>
        <p className="text-slate-700">
          Chef d’établissement, inscrivez votre collège, lycée ou école sur Tremplin. Nous vous
          enverrons un lien pour confirmer votre adresse professionnelle ; l’équipe de la plateforme
          valide ensuite l’inscription et vous écrit.
        </p>
      </div>
      <RegistrationForm />
    </div>
  )
}
