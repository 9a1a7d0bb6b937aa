import { describe, expect, it } from 'vitest'
import {
  applicationExportColumns,
  exportColumnChoices,
  exportColumnKeys,
  parseColumns,
} from './export-columns'
import type { ExportContext } from './export-context'
import type { ExportRow } from './export-rows'

describe('export column choice', () => {
  it('keeps the known columns asked for, in catalogue order', () => {
    expect(parseColumns('email,nom,inconnue,statut')).toEqual(['statut', 'nom', 'email'])
  })

  it('exports every column when nothing valid is asked', () => {
    expect(parseColumns('')).toEqual(exportColumnKeys)
    expect(parseColumns('drop table')).toEqual(exportColumnKeys)
  })
})

describe('export column registry', () => {
  const ctx: ExportContext = {
    slots: 2,
    scaleLabels: ['Rigueur'],
    textLabels: ['Appréciation', 'Projet'],
    documentNames: ['Bulletins', 'CV'],
    criteria: [{ id: 'c1', label: 'Dossier', scaleMax: 20, weight: 1, campaignId: 'k' }],
    criterionLabels: ['Dossier'],
    reviewerSlots: 3,
    now: new Date('2026-12-01T00:00:00Z'),
  }
  const row: ExportRow = {
    application: {
      id: 'a',
      campaignId: 'k',
      status: 'waitlisted',
      email: 'lea@exemple.fr',
      civility: 'mme',
      firstName: 'Léa',
      lastName: 'Martin',
      birthDate: '2004-05-12',
      phone: null,
      addressLine: null,
      postalCode: null,
      city: null,
      country: null,
      diploma: null,
      currentEstablishment: null,
      specialty: null,
      graduationYear: null,
      motivation: null,
      createdAt: new Date(),
      submittedAt: null,
      decidedAt: null,
      withdrawnAt: null,
      waitlistRank: 3,
      responseDeadline: null,
      answeredAt: null,
    },
    campaignName: 'Campagne',
    programmeName: 'CPGE',
    requiredRecommendations: 2,
    receivedRecommendations: 1,
    requests: [
      {
        slot: 1,
        recommenderName: 'Jean Dupont',
        recommenderPosition: 'Professeur',
        recommenderEmail: 'jean@ac-toulouse.fr',
        status: 'received',
        expiresAt: new Date('2027-01-01T00:00:00Z'),
        invitationStatus: 'sent',
        submitted: {
          submittedAt: new Date(),
          opinion: 'favorable',
          phone: '+33611223344',
          phoneConfirmed: true,
          verificationCode: 'ABCD',
          answers: [{ questionId: 'q', kind: 'scale', label: 'Rigueur', value: 'excellent' }],
        },
      },
    ],
    documents: new Map(),
    reviews: [
      {
        reviewerId: 'r',
        reviewer: 'Examinatrice',
        completed: true,
        comment: 'Bien',
        scores: { c1: 15 },
      },
    ],
    criteria: ctx.criteria,
    result: {
      marks: [{ reviewerId: 'r', mark: 15 }],
      average: 15,
      spread: null,
      disagreement: false,
      scored: 1,
      assigned: 1,
    },
    decision: null,
  }

  it('gives every column as many cells as header names, whatever the row carries', () => {
    for (const column of applicationExportColumns) {
      const headers = column.headers(ctx)
      expect(column.cells(row, ctx), column.key).toHaveLength(headers.length)
      expect(headers.length, column.key).toBeGreaterThan(0)
    }
  })

  it('puts a recommender in the columns of their slot', () => {
    const recos = applicationExportColumns.find((c) => c.key === 'recos')!
    const cells = recos.cells(row, ctx)
    const header = recos.headers(ctx)
    expect(cells[header.indexOf('Recommandant 1')]).toBeNull()
    expect(cells[header.indexOf('Recommandant 2')]).toBe('Jean Dupont')
    expect(cells[header.indexOf('Recommandant 2 — Rigueur')]).toBe('Excellent')
    expect(cells[header.indexOf('Recommandant 2 — statut')]).toBe('Reçue')
  })

  it('offers the chooser every column once, grouped as in the file', () => {
    expect(exportColumnChoices.flatMap((g) => g.columns.map((c) => c.key))).toEqual(
      exportColumnKeys,
    )
    expect(exportColumnChoices.map((g) => g.group)).toEqual([
      'Candidature',
      'Identité',
      'Études',
      'Pièces et recommandations',
      'Examen et décision',
    ])
  })
})
