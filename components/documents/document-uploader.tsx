'use client'

import { useRouter } from 'next/navigation'
import { useId, useRef, useState, useTransition } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { removeDocumentAction } from '@/app/(candidat)/espace/documents-actions'
import { cn } from '@/lib/cn'
import {
  formatBytes,
  formatLabels,
  formatMimeTypes,
  type DocumentFormat,
} from '@/lib/storage/document-formats'
import { shrinkPhoto } from './shrink-photo'

export type UploaderItem = {
  requirementId: string
  name: string
  helpText: string | null
  formats: DocumentFormat[]
  maxBytes: number
  required: boolean
  /** The candidate may give or replace this file now. */
  editable: boolean
  /** The file may be withdrawn (drafts only). */
  removable: boolean
  current: {
    id: string
    fileName: string
    size: number
    status: 'pending' | 'valid' | 'refused'
    refusalReason: string | null
  } | null
}

const statusLabel = {
  pending: 'Reçue, en attente de vérification',
  valid: 'Validée',
  refused: 'Refusée',
} as const
const statusTone = { pending: 'info', valid: 'success', refused: 'danger' } as const

type Progress =
  | { state: 'idle' }
  | { state: 'uploading'; percent: number; fileName: string }
  | { state: 'error'; message: string }
  | { state: 'done'; fileName: string }

/** Sends the file as the raw body so the browser reports upload progress. */
function send(
  url: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ ok: boolean; message?: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name))
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { ok: boolean; message?: string }
        resolve(body)
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

function DocumentRow({ campaignId, item }: { campaignId: string; item: UploaderItem }) {
  const editable = item.editable
  const router = useRouter()
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })
  const [dragging, setDragging] = useState(false)
  const [refreshing, startRefresh] = useTransition()
  const fileInput = useRef<HTMLInputElement>(null)
  const id = useId()
  const accepted = item.formats.map((f) => formatLabels[f]).join(', ')
  const acceptAttr = item.formats.flatMap((f) => formatMimeTypes[f]).join(',')
  const canPhotograph = item.formats.includes('jpeg')

  async function upload(picked: File | undefined) {
    if (!picked) return
    let file = picked
    if (file.size > item.maxBytes && item.formats.includes('jpeg')) {
      setProgress({ state: 'uploading', percent: 0, fileName: file.name })
      file = await shrinkPhoto(file, item.maxBytes)
    }
    // Checked again on the server from the bytes; this only spares a useless upload.
    if (file.size > item.maxBytes) {
      setProgress({
        state: 'error',
        message: `Ce fichier pèse ${formatBytes(file.size)} ; la taille maximale est ${formatBytes(item.maxBytes)}.`,
      })
      return
    }
    setProgress({ state: 'uploading', percent: 0, fileName: file.name })
    const result = await send(
      `/api/pieces/depot/${campaignId}/${item.requirementId}`,
      file,
      (percent) => setProgress({ state: 'uploading', percent, fileName: file.name }),
    )
    if (!result.ok) {
      setProgress({ state: 'error', message: result.message ?? 'Le fichier a été refusé.' })
      return
    }
    setProgress({ state: 'done', fileName: file.name })
    startRefresh(() => router.refresh())
  }

  const statusId = `${id}-status`
  return (
    <li className="space-y-3 border-b border-slate-200 py-4 last:border-b-0">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">
            {item.name}{' '}
            {item.required ? (
              <span className="text-sm font-normal text-slate-600">(obligatoire)</span>
            ) : (
              <span className="text-sm font-normal text-slate-600">(facultative)</span>
            )}
          </h3>
          {item.helpText ? <p className="text-sm text-slate-600">{item.helpText}</p> : null}
          <p className="text-xs text-slate-600">
            Formats acceptés : {accepted} · {formatBytes(item.maxBytes)} au plus
          </p>
        </div>
        {item.current ? (
          <Badge tone={statusTone[item.current.status]}>{statusLabel[item.current.status]}</Badge>
        ) : (
          <Badge tone={item.required ? 'warning' : 'neutral'}>À fournir</Badge>
        )}
      </div>

      {item.current ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <a
            href={`/api/pieces/${item.current.id}`}
            className="font-medium text-brand-700 underline"
          >
            {item.current.fileName}
          </a>
          <span className="text-slate-600">{formatBytes(item.current.size)}</span>
          {item.removable ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={async () => {
                const result = await removeDocumentAction(item.current!.id)
                if (!result.ok)
                  setProgress({
                    state: 'error',
                    message: result.formError ?? 'Impossible de retirer ce fichier.',
                  })
                else startRefresh(() => router.refresh())
              }}
            >
              Retirer
            </Button>
          ) : null}
        </div>
      ) : null}
      {item.current?.status === 'refused' && item.current.refusalReason ? (
        <p className="rounded-md bg-red-50 p-2 text-sm text-red-800">
          Motif du refus : {item.current.refusalReason}
        </p>
      ) : null}

      {editable ? (
        <div
          className={cn(
            'rounded-lg border-2 border-dashed p-4 text-center transition-colors',
            dragging ? 'border-brand-700 bg-brand-50' : 'border-slate-300',
          )}
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault()
            setDragging(false)
            void upload(event.dataTransfer.files[0])
          }}
        >
          <p className="mb-3 hidden text-sm text-slate-600 sm:block">
            Glissez un fichier ici, ou :
          </p>
          <div className="flex flex-col justify-center gap-2 sm:flex-row">
            <input
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept={acceptAttr}
              className="sr-only"
              aria-describedby={statusId}
              onChange={(event) => {
                void upload(event.target.files?.[0])
                event.target.value = ''
              }}
            />
            <label
              htmlFor={`${id}-file`}
              className="inline-flex h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100 [input:focus-visible+&]:outline-2 [input:focus-visible+&]:outline-brand-700"
            >
              {item.current ? 'Remplacer le fichier' : 'Choisir un fichier'}
              <span className="sr-only"> pour « {item.name} »</span>
            </label>
            {canPhotograph ? (
              <>
                {/* Phones only, like its label: on a desktop it would be an unlabelled stop in the tab order. */}
                <input
                  id={`${id}-camera`}
                  type="file"
                  accept="image/jpeg"
                  capture="environment"
                  className="sr-only sm:hidden"
                  aria-describedby={statusId}
                  onChange={(event) => void upload(event.target.files?.[0])}
                />
                <label
                  htmlFor={`${id}-camera`}
                  className="inline-flex h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100 sm:hidden [input:focus-visible+&]:outline-2 [input:focus-visible+&]:outline-brand-700"
                >
                  Prendre une photo<span className="sr-only"> pour « {item.name} »</span>
                </label>
              </>
            ) : null}
          </div>
        </div>
      ) : null}

      <div id={statusId} aria-live="polite" className="text-sm">
        {progress.state === 'uploading' ? (
          <div className="space-y-1">
            <label htmlFor={`${id}-progress`}>
              Envoi de « {progress.fileName} » : {progress.percent} %
            </label>
            <progress
              id={`${id}-progress`}
              max={100}
              value={progress.percent}
              className="h-2 w-full accent-brand-700"
            />
          </div>
        ) : progress.state === 'error' ? (
          <p role="alert" className="font-medium text-red-700">
            {progress.message}
          </p>
        ) : progress.state === 'done' ? (
          <p className="text-green-800">
            {refreshing ? 'Enregistrement…' : `« ${progress.fileName} » est enregistré.`}
          </p>
        ) : null}
      </div>
    </li>
  )
}

export function DocumentUploader(props: { campaignId: string; items: UploaderItem[] }) {
  if (props.items.length === 0) return null
  return (
    <ul>
      {props.items.map((item) => (
        <DocumentRow key={item.requirementId} campaignId={props.campaignId} item={item} />
      ))}
    </ul>
  )
}
