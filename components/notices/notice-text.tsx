import type { ReactNode } from 'react'

// Establishments write their notices as plain text. It is rendered as text, never as HTML:
// blank lines separate paragraphs, "# " starts a heading, lines starting with "- " make a
// list, and https:// addresses become links.
export function NoticeText({ body }: { body: string }) {
  const blocks = body
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
  return (
    <div className="space-y-4 leading-relaxed text-slate-800">
      {blocks.map((block, i) => {
        if (block.startsWith('# ')) {
          return (
            <h2 key={i} className="pt-2 text-xl font-semibold text-slate-900">
              {block.slice(2)}
            </h2>
          )
        }
        const lines = block.split('\n')
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul key={i} className="list-disc space-y-1 pl-6">
              {lines.map((l, j) => (
                <li key={j}>{withLinks(l.slice(2))}</li>
              ))}
            </ul>
          )
        }
        return (
          <p key={i} className="whitespace-pre-line">
            {withLinks(block)}
          </p>
        )
      })}
    </div>
  )
}

function withLinks(text: string): ReactNode[] {
  return text.split(/(https:\/\/[^\s]+)/).map((part, i) => {
    if (!part.startsWith('https://')) return part
    const url = part.replace(/[.,;:)]+$/, '')
    return (
      <span key={i}>
        <a href={url} className="break-all text-brand-700 underline" rel="noopener noreferrer">
          {url}
        </a>
        {part.slice(url.length)}
      </span>
    )
  })
}
