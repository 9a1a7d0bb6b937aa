'use client'

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fr">
      <head>
        <title>Tremplin est momentanément indisponible</title>
      </head>
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
        <h1>Tremplin est momentanément indisponible</h1>
        <p>Une erreur inattendue est survenue. Réessayez dans un instant.</p>
        <button type="button" onClick={reset}>
          Réessayer
        </button>
      </body>
    </html>
  )
}
