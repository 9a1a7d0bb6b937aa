import type { EstablishmentKind } from '@/db/schema'

// The kinds of establishment as forms offer them (the browser must not import the schema).
export const establishmentKindLabels: Record<EstablishmentKind, string> = {
  college: 'Collège',
  lycee: 'Lycée',
  superieur: 'Enseignement supérieur',
}

export const establishmentKindValues = Object.keys(establishmentKindLabels) as [
  EstablishmentKind,
  ...EstablishmentKind[],
]
