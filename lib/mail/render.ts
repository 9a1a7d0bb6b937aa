import { createElement, type FunctionComponent } from 'react'
import { compile } from 'html-to-text'
import { plainTextSelectors, render } from 'react-email'
import { templates, type TemplateName, type TemplateProps } from '@/emails'

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * React Email's plain-text conversion (its options and selectors), compiled once: its
 * `toPlainText` compiles the converter again for every email, about half of the conversion's
 * CPU time.
 */
export const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors })

/** Renders a template to subject, HTML and a plain-text part. */
export async function renderEmail<N extends TemplateName>(
  name: N,
  props: TemplateProps<N>,
): Promise<RenderedEmail> {
  const template = templates[name] as unknown as {
    component: FunctionComponent<Record<string, unknown>>
    subject: (p: TemplateProps<N>) => string
  }
  const html = await render(createElement(template.component, props as Record<string, unknown>))
  return { subject: template.subject(props), html, text: toPlainText(html) }
}
