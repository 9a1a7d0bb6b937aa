import { describe, expect, it } from 'vitest'
import { render, toPlainText as reactEmailPlainText } from 'react-email'
import { createElement, type FunctionComponent } from 'react'
import { templates, type TemplateName } from '@/emails'
import { renderEmailHtml, toPlainText } from './render'

describe('HTML part', () => {
  it('is exactly what React Email renders, for every template', async () => {
    for (const name of Object.keys(templates) as TemplateName[]) {
      const component = templates[name].component as unknown as FunctionComponent & {
        PreviewProps: Record<string, unknown>
      }
      const element = createElement(component, component.PreviewProps)
      expect(await renderEmailHtml(element), name).toBe(await render(element))
    }
  })

  it('drops the image preload hints React adds, as React Email does', async () => {
    const element = createElement(
      'html',
      null,
      createElement('body', null, createElement('img', { src: 'https://tremplin.test/a.png' })),
    )
    const html = await renderEmailHtml(element)
    expect(html).toBe(await render(element))
    expect(html).toContain('<img src="https://tremplin.test/a.png"/>')
    expect(html).not.toContain('<link')
  })

  it('fails on an error in a template', async () => {
    const Broken = () => {
      throw new Error('modèle cassé')
    }
    await expect(renderEmailHtml(createElement(Broken))).rejects.toThrow('modèle cassé')
  })
})

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
