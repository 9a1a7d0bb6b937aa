'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useId, useState, useTransition, type ChangeEvent } from 'react'
import { useForm } from 'react-hook-form'
import {
  remindConsentLinkAction,
  sendConsentLinkAction,
  withdrawConsentAction,
} from '@/app/(equipe)/equipe/classes/[id]/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast'
import {
  CONSENT_FORM_MAX_BYTES,
  consentLinkSchema,
  type ConsentLinkInput,
} from '@/lib/school/consent-schemas'
import type { ConsentStatus } from '@/lib/school/consent-status'
import { formatBytes, formatMimeTypes } from '@/lib/storage/document-formats'

export type ConsentRowStudent = {
  id: string
  name: string
  guardianEmail: string | null
  guardianName: string | null
  status: ConsentStatus
}

/** Everything a main teacher does about one pupil's consent, folded under the pupil's row. */
export function StudentConsentActions({ student }: { student: ConsentRowStudent }) {
  if (student.status === 'not_required') return null
  return (
    <details className="group">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline">
        Gérer l’autorisation<span className="sr-only"> de {student.name}</span>
      </summary>
      <div className="mt-3 space-y-5 rounded-md border border-slate-200 bg-slate-50 p-3">
        {student.status === 'in_force' ? (
          <WithdrawButton student={student} />
        ) : (
          <>
            {student.status === 'requested' ? <RemindButton student={student} /> : null}
            <SendLinkForm student={student} />
            <UploadSignedForm student={student} />
          </>
        )}
      </div>
    </details>
  )
}

function SendLinkForm({ student }: { student: ConsentRowStudent }) {
  const id = useId()
  const form = useForm<ConsentLinkInput>({
    resolver: zodResolver(consentLinkSchema) as never,
    defaultValues: {
      studentId: student.id,
      guardianEmail: student.guardianEmail ?? '',
      guardianName: student.guardianName ?? '',
    },
  })
  const { errors } = form.formState
  const [pending, startTransition] = useTransition()
  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await sendConsentLinkAction({
        ...values,
        guardianName: values.guardianName || undefined,
      })
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors))
          if (messages?.[0])
            form.setError(field as keyof ConsentLinkInput, { message: messages[0] })
        if (result.formError) form.setError('root', { message: result.formError })
        return
      }
      toast.success(`Lien envoyé au représentant légal de ${student.name}.`)
    }),
  )
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <h3 className="font-semibold">
        {student.status === 'requested' ? 'Envoyer un nouveau lien' : 'Envoyer le lien par e-mail'}
      </h3>
      <FormError message={errors.root?.message} />
      <FormField
        id={`${id}-email`}
        label="E-mail du représentant légal"
        error={errors.guardianEmail?.message}
        required
      >
        <Input type="email" autoComplete="off" {...form.register('guardianEmail')} />
      </FormField>
      <FormField
        id={`${id}-name`}
        label="Nom du représentant légal (facultatif)"
        error={errors.guardianName?.message}
      >
        <Input autoComplete="off" {...form.register('guardianName')} />
      </FormField>
      <Button type="submit" pending={pending}>
        Envoyer le lien
      </Button>
    </form>
  )
}

function RemindButton({ student }: { student: ConsentRowStudent }) {
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const remind = () =>
    startTransition(async () => {
      const result = await remindConsentLinkAction({ studentId: student.id })
      if (!result.ok) return setError(result.formError)
      setError(undefined)
      toast.success(`Relance envoyée au représentant légal de ${student.name}.`)
    })
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button type="button" variant="secondary" pending={pending} onClick={remind}>
        Relancer<span className="sr-only"> le représentant légal de {student.name}</span>
      </Button>
    </div>
  )
}

function WithdrawButton({ student }: { student: ConsentRowStudent }) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const withdraw = () =>
    startTransition(async () => {
      const result = await withdrawConsentAction({ studentId: student.id })
      if (!result.ok) return setError(result.formError)
      setOpen(false)
      toast.success(`Autorisation de ${student.name} retirée.`)
    })
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Retirer l’autorisation<span className="sr-only"> de {student.name}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Retirer l’autorisation de ${student.name} ?`}
      >
        <p>
          L’élève perd aussitôt l’accès aux services élèves. Il faudra une nouvelle autorisation
          pour le lui rendre.
        </p>
        <FormError message={error} />
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="danger" pending={pending} onClick={withdraw}>
            Retirer l’autorisation
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </div>
      </Dialog>
    </>
  )
}

type Progress =
  { state: 'idle' } | { state: 'uploading'; percent: number } | { state: 'error'; message: string }

/** Sends the file as the raw body so the browser reports upload progress. */
function send(url: string, file: File, onProgress: (percent: number) => void) {
  return new Promise<{ ok: boolean; message?: string }>((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name))
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as {
          ok?: boolean
          message?: string
          error?: string
        }
        resolve({ ok: Boolean(body.ok), message: body.message ?? body.error })
      } catch {
        resolve({ ok: false, message: 'Le serveur n’a pas pu enregistrer ce fichier. Réessayez.' })
      }
    }
    xhr.onerror = () =>
      resolve({
        ok: false,
        message: 'Le fichier n’a pas pu être envoyé : vérifiez votre connexion et réessayez.',
      })
    xhr.send(file)
  })
}

function UploadSignedForm({ student }: { student: ConsentRowStudent }) {
  const id = useId()
  const router = useRouter()
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })
  const [, startRefresh] = useTransition()
  const accept = [...formatMimeTypes.pdf, ...formatMimeTypes.jpeg, ...formatMimeTypes.png].join(',')
  async function upload(file: File | undefined) {
    if (!file) return
    if (file.size > CONSENT_FORM_MAX_BYTES)
      return setProgress({
        state: 'error',
        message: `Ce fichier pèse ${formatBytes(file.size)} ; la taille maximale est ${formatBytes(CONSENT_FORM_MAX_BYTES)}.`,
      })
    setProgress({ state: 'uploading', percent: 0 })
    const result = await send(`/api/consentements/depot/${student.id}`, file, (percent) =>
      setProgress({ state: 'uploading', percent }),
    )
    if (!result.ok)
      return setProgress({ state: 'error', message: result.message ?? 'Le fichier a été refusé.' })
    setProgress({ state: 'idle' })
    toast.success(`Autorisation de ${student.name} enregistrée.`)
    startRefresh(() => router.refresh())
  }
  const errorId = progress.state === 'error' ? `${id}-error` : undefined
  const hintId = `${id}-hint`
  const describedBy = [hintId, errorId].filter(Boolean).join(' ')
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    void upload(event.target.files?.[0])
    event.target.value = ''
  }
  const buttonLike =
    'inline-flex h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100 [input:focus-visible+&]:outline-2 [input:focus-visible+&]:outline-brand-700'
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Ou déposer le formulaire signé</h3>
      <p id={hintId} className="text-sm text-slate-600">
        Le formulaire papier signé par le représentant légal, scanné ou photographié : PDF, JPEG ou
        PNG, {formatBytes(CONSENT_FORM_MAX_BYTES)} au plus.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="file"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={errorId ? true : undefined}
          disabled={progress.state === 'uploading'}
          onChange={pick}
          className="sr-only"
        />
        <label htmlFor={id} className={buttonLike}>
          Choisir le formulaire signé<span className="sr-only"> de {student.name}</span>
        </label>
        {/* Phones only, like its label: on a desktop it would be an unlabelled stop in the tab order. */}
        <input
          id={`${id}-camera`}
          type="file"
          accept="image/jpeg"
          capture="environment"
          aria-describedby={describedBy}
          disabled={progress.state === 'uploading'}
          onChange={pick}
          className="sr-only sm:hidden"
        />
        <label htmlFor={`${id}-camera`} className={`${buttonLike} sm:hidden`}>
          Prendre une photo<span className="sr-only"> du formulaire de {student.name}</span>
        </label>
      </div>
      {progress.state === 'uploading' ? (
        <progress
          max={100}
          value={progress.percent}
          aria-label={`Envoi du formulaire de ${student.name}`}
          className="w-full"
        />
      ) : null}
      {progress.state === 'error' ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {progress.message}
        </p>
      ) : null}
    </div>
  )
}
