import { describe, expect, it } from 'vitest'
import { nextStep, timelineLabel } from './candidate-tracking'

const facts = {
  responseDeadline: null,
  missingDocuments: 0,
  refusedDocuments: 0,
  awaitedRecommendations: 0,
}

describe('the candidate’s timeline', () => {
  it('tells status changes, document verdicts and recommendations in the candidate’s words', () => {
    expect(
      timelineLabel({
        action: 'application.status_changed',
        before: { status: 'complete' },
        after: { status: 'under_review', reason: 'mise en examen' },
      }),
    ).toEqual({ label: 'Dossier en cours d’examen par la commission' })
    expect(
      timelineLabel({
        action: 'document.reviewed',
        before: null,
        after: { document: 'Relevés', status: 'refused', reason: 'Illisible' },
      }),
    ).toEqual({ label: 'Pièce refusée', detail: 'Relevés — Illisible' })
    expect(
      timelineLabel({ action: 'recommendation.submitted', before: null, after: {} }, 'Jean Dupont'),
    ).toEqual({ label: 'Recommandation reçue', detail: 'Jean Dupont' })
  })

  it('hides what is internal: staff readings, downloads and exports', () => {
    for (const action of [
      'recommendation.viewed',
      'document.downloaded',
      'applications.exported',
      'recommendation.downloaded',
    ]) {
      expect(timelineLabel({ action, before: null, after: {} })).toBeNull()
    }
  })
})

describe('what to do next', () => {
  it('points first to refused documents, then to awaited recommendations', () => {
    expect(
      nextStep('incomplete', { ...facts, refusedDocuments: 1, awaitedRecommendations: 2 }),
    ).toMatch(/Remplacez la pièce refusée/)
    expect(nextStep('submitted', { ...facts, awaitedRecommendations: 2 })).toMatch(
      /2 recommandations/,
    )
    expect(nextStep('complete', facts)).toMatch(/Rien à faire/)
  })

  it('asks for a required document added after submission, and for a new recommender when one cannot answer', () => {
    expect(nextStep('incomplete', { ...facts, missingDocuments: 1 })).toBe(
      'Déposez la pièce demandée ci-dessous : l’établissement l’attend pour examiner votre dossier.',
    )
    expect(nextStep('incomplete', { ...facts, missingDocuments: 2, refusedDocuments: 1 })).toMatch(
      /Remplacez la pièce refusée/,
    )
    expect(
      nextStep('submitted', { ...facts, recommendersToReplace: 1, awaitedRecommendations: 1 }),
    ).toBe(
      'Un recommandant ne pourra pas répondre : proposez quelqu’un d’autre depuis votre espace.',
    )
  })

  it('gives an admitted candidate the date to answer by', () => {
    expect(
      nextStep('admitted', { ...facts, responseDeadline: new Date('2027-06-10T21:59:00Z') }),
    ).toMatch(/avant le 10 juin 2027/)
  })
})
