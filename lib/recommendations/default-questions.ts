import type { Executor } from '@/db'
import { recommendationQuestions, type NewRecommendationQuestion } from '@/db/schema'

// The questions of Lycée Ozenne's paper form, offered to every new campaign; coordinators edit them.
export const defaultQuestions: Omit<NewRecommendationQuestion, 'campaignId' | 'position'>[] = [
  { kind: 'scale', label: 'Rigueur et méthode', required: true },
  { kind: 'scale', label: 'Autonomie', required: true },
  { kind: 'scale', label: 'Travail en équipe', required: true },
  { kind: 'scale', label: 'Capacité de travail', required: true },
  { kind: 'scale', label: 'Expression écrite et orale', required: true },
  {
    kind: 'text',
    label: 'Appréciation sur le candidat',
    help: 'Son parcours, son investissement, ce qui le distingue.',
    required: true,
  },
  {
    kind: 'text',
    label: 'Aptitude à réussir en CPGE ATS et en licence',
    help: 'Points forts et points de vigilance pour une année exigeante.',
    required: false,
  },
]

export async function addDefaultQuestions(db: Executor, campaignId: string) {
  await db
    .insert(recommendationQuestions)
    .values(defaultQuestions.map((q, position) => ({ ...q, campaignId, position })))
}
