'use client'

import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { FormError } from '@/components/ui/form-field'

type Progress =
  | { state: 'idle' }
  | { state: 'uploading'; percent: number }
  | { state: 'reading' }
  | { state: 'error'; message: string }

const MAX_BYTES = 5 * 1024 * 1024

/** Sends the file as the raw body so the browser reports progress; answers the preview's id. */
function send(url: string, file: File, onProgress: (percent: number) => void) {
  return new Promise<{ ok: boolean; id?: string; message?: string }>((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name))
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText))
      } catch {
        resolve({ ok: false, message: 'Le serveur n’a pas pu lire ce fichier. Réessayez.' })
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

/** The school's export (CSV or XLSX): uploaded, read, and shown as a preview. Nothing is imported yet. */
export function ImportUpload({ schoolYearId }: { schoolYearId: string }) {
  const router = useRouter()
  const id = useId()
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })

  async function upload(file: File | undefined) {
    if (!file) return
    if (file.size > MAX_BYTES)
      return setProgress({
        state: 'error',
        message: 'Le fichier dépasse 5 Mo : découpez la liste par niveau.',
      })
    setProgress({ state: 'uploading', percent: 0 })
    const result = await send(`/api/eleves/import?annee=${schoolYearId}`, file, (percent) =>
      setProgress(percent === 100 ? { state: 'reading' } : { state: 'uploading', percent }),
    )
    if (!result.ok || !result.id)
      return setProgress({ state: 'error', message: result.message ?? 'Fichier refusé.' })
    router.push(`/equipe/eleves/import/${result.id}`)
  }

  return (
    <div className="space-y-3">
      <label htmlFor={`${id}-file`} className="block text-sm font-semibold text-slate-800">
        Fichier des élèves (CSV ou XLSX, 5 Mo au plus)
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        L’export de votre logiciel de scolarité (SIECLE, Pronote…), tel quel : CSV séparé par des
        points-virgules ou des virgules, enregistré par Excel ou en UTF-8, ou classeur XLSX.
      </p>
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${id}-hint`}
        disabled={progress.state === 'uploading' || progress.state === 'reading'}
        className="block w-full text-sm file:mr-3 file:h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold"
        onChange={(event) => upload(event.target.files?.[0])}
      />
      {progress.state === 'uploading' ? (
        <div className="space-y-1">
          <progress
            className="h-2 w-full"
            max={100}
            value={progress.percent}
            aria-label="Envoi du fichier"
          />
          <p className="text-sm text-slate-600" aria-live="polite">
            Envoi : {progress.percent} %
          </p>
        </div>
      ) : null}
      {progress.state === 'reading' ? (
        <p className="text-sm text-slate-700" aria-live="polite">
          Lecture du fichier et vérification des lignes…
        </p>
      ) : null}
      {progress.state === 'error' ? <FormError message={progress.message} /> : null}
    </div>
  )
}
