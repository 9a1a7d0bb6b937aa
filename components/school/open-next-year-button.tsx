'use client'

import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { openNextYearAction } from '@/app/(equipe)/equipe/classes/actions'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'

/** Opens the year after the latest one, to prepare next year's classes. */
export function OpenNextYearButton({ label }: { label: string }) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await openNextYearAction({})
          if (!result.ok) return void toast.error(result.formError ?? 'Erreur.')
          toast.success(`Année ${label} ouverte.`)
          if (result.data.id) router.push(`/equipe/classes?annee=${result.data.id}`)
        })
      }
    >
      Ouvrir l’année {label}
    </Button>
  )
}
