import { describe, expect, it } from 'vitest'
import { renderEmail } from '@/lib/mail/render'
import { templates, type TemplateName } from './index'

describe('email templates', () => {
  it('all render in French with an HTML and a plain-text part from their preview props', async () => {
    for (const name of Object.keys(templates) as TemplateName[]) {
      const component = templates[name].component as unknown as { PreviewProps: never }
      const rendered = await renderEmail(name, component.PreviewProps)
      expect(rendered.html, name).toMatch(/<html[^>]*lang="fr"/)
      expect(rendered.text.length, name).toBeGreaterThan(40)
      expect(rendered.subject.length, name).toBeGreaterThan(5)
      expect(rendered.html, name).not.toMatch(/<img/i) // no tracking pixel, no remote images
    }
  })

  it('show typed HTML as text, never as markup', async () => {
    const rendered = await renderEmail('recommendation-invitation', {
      recommenderName: '<b>Jean</b>',
      candidateName: '<script>alert(1)</script>Léa',
      programmeName: 'CPGE',
      establishmentName: 'Lycée',
      deadline: '1 avril',
      url: 'https://tremplin.test/recommandation/x',
      questionCount: 3,
    })
    expect(rendered.html).not.toContain('<script>alert(1)</script>')
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Léa')
    expect(rendered.html).not.toContain('<b>Jean</b>')
    expect(rendered.subject).toBe(
      'Demande d’avis de poursuite d’études pour <script>alert(1)</script>Léa',
    )
  })
})
