'use client'

import { useRef, useState, useTransition } from 'react'
import { removeLogoAction, uploadLogoAction } from '@/app/(equipe)/equipe/etablissement/actions'
import { Button } from '@/components/ui/button'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'

/** Uploads or removes the logo shown in the staff header (checked by its bytes on the server). */
export function LogoForm({
  currentUrl,
  maxMegabytes,
}: {
  currentUrl: string | null
  maxMegabytes: number
}) {
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<{ form?: string; logo?: string }>({})
  const [pending, startTransition] = useTransition()
  const [removing, startRemoval] = useTransition()

  const upload = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(async () => {
      const result = await uploadLogoAction(data)
      if (!result.ok) {
        setError({ logo: result.fieldErrors.logo?.[0] ?? result.formError })
        input.current?.focus()
        return
      }
      setError({})
      if (input.current) input.current.value = ''
      toast.success('Logo enregistré.')
    })
  }
  const remove = () =>
    startRemoval(async () => {
      const result = await removeLogoAction({})
      if (!result.ok) return setError({ form: result.formError })
      toast.success('Logo retiré.')
    })

  return (
    <div className="space-y-4">
      <FormError message={error.form} />
      {currentUrl ? (
        <div className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- served by our route, any size */}
          <img
            src={currentUrl}
            alt="Logo actuel de l’établissement"
            className="h-16 max-w-48 rounded border border-slate-200 bg-white object-contain p-1"
          />
          <Button type="button" variant="secondary" size="sm" pending={removing} onClick={remove}>
            Retirer le logo
          </Button>
        </div>
      ) : (
        <p className="text-slate-700">Aucun logo pour l’instant : l’en-tête montre le nom seul.</p>
      )}
      <form onSubmit={upload} noValidate className="flex flex-wrap items-end gap-3">
        <FormField
          id="logo"
          label={currentUrl ? 'Remplacer le logo' : 'Ajouter un logo'}
          hint={`PNG, JPEG, WebP ou SVG, ${String(maxMegabytes).replace('.', ',')} Mo au plus.`}
          error={error.logo}
        >
          <Input
            ref={input}
            type="file"
            name="logo"
            accept="image/png,image/jpeg,image/webp,image/svg+xml"
            className="h-auto py-2"
          />
        </FormField>
        <Button type="submit" variant="secondary" pending={pending}>
          Envoyer le logo
        </Button>
      </form>
    </div>
  )
}
