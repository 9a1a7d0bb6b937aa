import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { Card } from '@/components/ui/card'
import { buttonClasses } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

export const metadata: Metadata = { title: 'Vérifier une recommandation' }

async function lookUp(formData: FormData) {
  'use server'
  const code = String(formData.get('code') ?? '').slice(0, 40)
  redirect(`/verifier/${encodeURIComponent(code.trim() || '-')}`)
}

export default function VerifyFormPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Vérifier une recommandation</h1>
      <Card>
        <form action={lookUp} className="space-y-4">
          <div className="space-y-1.5">
            <label htmlFor="code" className="block text-sm font-semibold">
              Code de vérification
            </label>
            <p id="code-hint" className="text-sm text-slate-600">
              Il figure sur l’avis : 12 caractères, par exemple 7KQ2-M9XD-41TB.
            </p>
            <Input
              id="code"
              name="code"
              aria-describedby="code-hint"
              autoComplete="off"
              autoCapitalize="characters"
              required
            />
          </div>
          <button type="submit" className={buttonClasses('primary', 'md', 'w-full')}>
            Vérifier
          </button>
        </form>
      </Card>
    </div>
  )
}
