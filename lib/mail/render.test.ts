import { describe, expect, it } from 'vitest'
import { render, toPlainText as reactEmailPlainText } from 'react-email'
import { createElement, type FunctionComponent } from 'react'
import { templates, type TemplateName } from '@/emails'
import { toPlainText } from './render'

describe('plain-text part', () => {
  it('is exactly what React Email writes, for every template, with the converter compiled once', async () => {
    for (const name of Object.keys(templates) as TemplateName[]) {
      const component = templates[name].component as unknown as FunctionComponent & {
        PreviewProps: Record<string, unknown>
      }
      const html = await render(createElement(component, component.PreviewProps))
      expect(toPlainText(html), name).toBe(reactEmailPlainText(html))
    }
  })

  it('keeps a link written out once, without brackets, and drops images', () => {
    const text = toPlainText(
      '<p>Ouvrir <a href="https://tremplin.test/r/x">https://tremplin.test/r/x</a></p><img src="x.png" alt="logo">',
    )
    expect(text).toBe('Ouvrir https://tremplin.test/r/x')
  })
})
