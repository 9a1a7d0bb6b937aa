import { describe, expect, it } from 'vitest'
import { decisionMessage, fillTemplate } from './decision-letter'

const facts = {
  firstName: 'Léa',
  lastName: 'Martin',
  programmeName: 'CPGE ATS',
  establishmentName: 'Lycée Ozenne',
  spaceUrl: 'https://tremplin.test/espace',
}

describe('decision message', () => {
  it('tells an admitted candidate the date to confirm by', () => {
    const { subject, body } = decisionMessage(
      {},
      { ...facts, outcome: 'admitted', responseDeadline: new Date('2027-06-10T20:00:00Z') },
    )
    expect(subject).toBe('Décision d’admission — CPGE ATS')
    expect(body).toContain('Décision : avis favorable.')
    expect(body).toContain('avant le 10 juin 2027')
  })

  it('gives a waitlisted candidate their rank and a rejected one the motivation', () => {
    expect(
      decisionMessage({}, { ...facts, outcome: 'waitlisted', waitlistRank: 3 }).body,
    ).toContain('inscription sur liste d’attente (rang 3)')
    const rejected = decisionMessage(
      {},
      { ...facts, outcome: 'rejected', motivation: 'Capacité d’accueil atteinte' },
    ).body
    expect(rejected).toContain('Motif : Capacité d’accueil atteinte')
  })

  it('uses the campaign’s own template and leaves unknown placeholders as typed', () => {
    expect(
      fillTemplate('{prenom}, {decision} pour {formation} {inconnu}', {
        ...facts,
        outcome: 'admitted',
      }),
    ).toBe('Léa, avis favorable pour CPGE ATS {inconnu}')
  })

  it('says when a place came from the waiting list', () => {
    expect(decisionMessage({}, { ...facts, outcome: 'admitted', promoted: true }).body).toContain(
      'Une place s’est libérée',
    )
  })
})
