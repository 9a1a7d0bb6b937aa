import type { Opinion } from '@/db/schema'

// The rating scale of every scale question, as on the paper "avis de poursuite d'études".
export const scaleOptions = [
  { value: 'excellent', label: 'Excellent' },
  { value: 'tres_bien', label: 'Très bien' },
  { value: 'bien', label: 'Bien' },
  { value: 'passable', label: 'Passable' },
  { value: 'insuffisant', label: 'Insuffisant' },
  { value: 'nsp', label: 'Ne se prononce pas' },
] as const
export type ScaleValue = (typeof scaleOptions)[number]['value']
export const scaleValues = scaleOptions.map((o) => o.value) as [ScaleValue, ...ScaleValue[]]

export const opinionOptions: { value: Opinion; label: string }[] = [
  { value: 'tres_favorable', label: 'Très favorable' },
  { value: 'favorable', label: 'Favorable' },
  { value: 'reserve', label: 'Réservé' },
]
// The form's list, not db/schema's: the browser would otherwise load every table definition.
export const opinionValues = opinionOptions.map((o) => o.value) as [Opinion, ...Opinion[]]

export const scaleLabel = (value: string) =>
  scaleOptions.find((o) => o.value === value)?.label ?? value
export const opinionLabel = (value: string | null | undefined) =>
  opinionOptions.find((o) => o.value === value)?.label ?? '—'
