import { createElement, Suspense, type FunctionComponent, type ReactNode } from 'react'
import type * as ReactDomServer from 'react-dom/server'
import { compile } from 'html-to-text'
import { plainTextSelectors } from 'react-email'
import { templates, type TemplateName, type TemplateProps } from '@/emails'

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * React Email's plain-text conversion (its options and selectors), compiled once: its
 * `toPlainText` compiles the converter again for every email, about half of the conversion's
 * CPU time.
 */
export const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors })

const doctype =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'

/**
 * The HTML React Email's `render` writes, byte for byte (tested for every template), at a
 * third of its CPU time: the same React stream renderer, piped into a string instead of
 * through a web ReadableStream and WritableStream, which cost more than the rendering.
 * Like `render`: the tree in a Suspense boundary, rendered whole, React's image preload hints
 * dropped (email clients ignore them), React's doctype replaced by XHTML 1.0 Transitional.
 */
export async function renderEmailHtml(node: ReactNode): Promise<string> {
  const { renderToPipeableStream } = await reactDomServer()
  return new Promise((resolve, reject) => {
    let html = ''
    const decoder = new TextDecoder('utf-8')
    // All React writes to: chunks, then end (no back-pressure: the whole email is in memory).
    const sink = {
      write(chunk: Uint8Array) {
        html += decoder.decode(chunk, { stream: true })
        return true
      },
      end() {
        html += decoder.decode()
        resolve(doctype + withoutImagePreloads(html).replace(/<!DOCTYPE.*?>/, ''))
      },
      on: () => sink,
    }
    const stream = renderToPipeableStream(createElement(Suspense, null, node), {
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onAllReady: () => stream.pipe(sink as unknown as NodeJS.WritableStream),
      onShellError: reject,
      onError: reject,
    })
  })
}

/**
 * React's server renderer, from node_modules at run time as React Email loads it: Next.js
 * refuses `react-dom/server` in the server bundle (it is for rendering pages there), and the
 * templates are rendered with the same copy as React Email would use.
 */
let loadedReactDomServer: Promise<typeof ReactDomServer> | undefined
const reactDomServer = () =>
  (loadedReactDomServer ??= import(/* turbopackIgnore: true */ 'react-dom/server').then(
    (m: typeof ReactDomServer & { default?: typeof ReactDomServer }) => m.default ?? m,
  ))

const withoutImagePreloads = (html: string) =>
  html.includes('<link')
    ? html.replace(/<link\b[^>]*\/?>/gi, (tag) =>
        /\brel=["']?preload\b/i.test(tag) && /\bas=["']?image\b/i.test(tag) ? '' : tag,
      )
    : html

/** Renders a template to subject, HTML and a plain-text part. */
export async function renderEmail<N extends TemplateName>(
  name: N,
  props: TemplateProps<N>,
): Promise<RenderedEmail> {
  const template = templates[name] as unknown as {
    component: FunctionComponent<Record<string, unknown>>
    subject: (p: TemplateProps<N>) => string
  }
  const html = await renderEmailHtml(
    createElement(template.component, props as Record<string, unknown>),
  )
  return { subject: template.subject(props), html, text: toPlainText(html) }
}
