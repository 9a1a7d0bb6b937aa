import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { requireStudentRecord } from '@/lib/auth/require-student'
import { consentRequiredMessage } from '@/lib/school/student-access'
import { Card } from '@/components/ui/card'

export const metadata: Metadata = { title: 'Autorisation parentale requise' }

// Where every student page sends a minor without parental consent. It shows nothing of the
// student features: only why, and who to ask.
export default async function ConsentRequiredPage() {
  const access = await requireStudentRecord('/espace/eleve')
  if (access.allowed) redirect('/espace/eleve')
  const teachers = access.mainTeachers
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Autorisation parentale requise</h1>
      <Card className="space-y-3">
        <p>{consentRequiredMessage}</p>
        <p>
          {teachers.length > 0
            ? `Parlez-en à ${teachers.length > 1 ? 'vos professeurs principaux' : 'votre professeur principal'} (${teachers.join(', ')}) : `
            : 'Parlez-en à votre professeur principal : '}
          il ou elle peut envoyer un lien par e-mail à votre représentant légal, ou enregistrer le
          formulaire signé sur papier.
        </p>
        <p className="text-sm text-slate-700">
          Dès que l’autorisation est enregistrée, rechargez cette page : vous accéderez à votre
          espace.
        </p>
      </Card>
    </div>
  )
}
