import { formatDate } from '@/lib/format'
import type { DecisionOutcome } from '@/db/schema'

// The decision message: one editable template per campaign (subject and body with
// placeholders), the same words in the email and in the PDF letter.

export const defaultDecisionSubject = 'Décision d’admission — {formation}'
export const defaultDecisionBody = `Bonjour {prenom} {nom},

La commission d’admission de {etablissement} a examiné votre candidature en {formation}.

Décision : {decision}.

{details}

Nous vous prions d’agréer nos salutations distinguées.
La commission d’admission`

export const decisionPlaceholders = [
  '{prenom}',
  '{nom}',
  '{formation}',
  '{etablissement}',
  '{decision}',
  '{details}',
] as const

export type DecisionFacts = {
  outcome: DecisionOutcome
  promoted?: boolean
  firstName: string
  lastName: string
  programmeName: string
  establishmentName: string
  waitlistRank?: number | null
  motivation?: string | null
  responseDeadline?: Date | null
  spaceUrl: string
}

const outcomeWords: Record<DecisionOutcome, string> = {
  admitted: 'avis favorable',
  waitlisted: 'inscription sur liste d’attente',
  rejected: 'avis défavorable',
}

/** The outcome-specific paragraph behind {details}. */
export function decisionDetails(f: DecisionFacts): string {
  switch (f.outcome) {
    case 'admitted':
      return [
        f.promoted
          ? 'Une place s’est libérée : vous étiez le premier candidat sur la liste d’attente.'
          : null,
        `Pour garder votre place, confirmez-la depuis votre espace${f.responseDeadline ? ` avant le ${formatDate(f.responseDeadline)}` : ''} : ${f.spaceUrl}. Sans réponse dans ce délai, la place sera proposée à un autre candidat.`,
      ]
        .filter(Boolean)
        .join('\n')
    case 'waitlisted':
      return `Vous êtes au rang ${f.waitlistRank ?? '—'} de la liste d’attente. Si une place se libère, vous serez prévenu(e) par e-mail. Suivez votre candidature : ${f.spaceUrl}`
    case 'rejected':
      return f.motivation ? `Motif : ${f.motivation}` : ''
  }
}

/** Fills a template's placeholders (unknown ones stay as typed). */
export function fillTemplate(template: string, f: DecisionFacts): string {
  const values: Record<string, string> = {
    '{prenom}': f.firstName,
    '{nom}': f.lastName,
    '{formation}': f.programmeName,
    '{etablissement}': f.establishmentName,
    '{decision}':
      f.outcome === 'waitlisted' && f.waitlistRank
        ? `${outcomeWords.waitlisted} (rang ${f.waitlistRank})`
        : outcomeWords[f.outcome],
    '{details}': decisionDetails(f),
  }
  return template
    .replace(/\{[a-z_]+\}/g, (token) => values[token] ?? token)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export function decisionMessage(
  template: { subject?: string | null; body?: string | null },
  facts: DecisionFacts,
) {
  return {
    subject: fillTemplate(template.subject || defaultDecisionSubject, facts),
    body: fillTemplate(template.body || defaultDecisionBody, facts),
  }
}
