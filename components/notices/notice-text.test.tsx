import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { NoticeText } from './notice-text'

describe('an establishment’s notice text', () => {
  it('is rendered as text: markup typed by an admin is shown, never interpreted', () => {
    const html = renderToStaticMarkup(
      <NoticeText body={'<script>alert(1)</script>\n\n<a href="javascript:x">lien</a>'} />,
    )
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<a href="javascript')
    expect(html).toContain('&lt;script&gt;')
  })
  it('makes paragraphs, "# " headings, "- " lists and https links', () => {
    const html = renderToStaticMarkup(
      <NoticeText
        body={
          '# Vos droits\n\nAccès,\nrectification.\n\n- un\n- deux\n\nVoir https://www.cnil.fr/fr/plaintes.'
        }
      />,
    )
    expect(html).toContain('<h2 class="pt-2 text-xl font-semibold text-slate-900">Vos droits</h2>')
    expect(html).toMatch(/<p[^>]*>Accès,\nrectification.<\/p>/)
    expect(html).toMatch(/<ul[^>]*><li>un<\/li><li>deux<\/li><\/ul>/)
    expect(html).toContain('<a href="https://www.cnil.fr/fr/plaintes"')
    expect(html).toContain('</a>.</span>')
  })
})
