// The application form's choices and limits, apart from its schema (schemas.ts) so that the
// form shows them without loading zod in the browser.
export const civilities = [
  { value: 'mme', label: 'Madame' },
  { value: 'm', label: 'Monsieur' },
  { value: 'nsp', label: 'Ne souhaite pas préciser' },
] as const

// The diplomas that give access to the CPGE ATS (lycée Ozenne): BTS, BUT 2/3, Licence 2, gap year.
export const diplomas = [
  { value: 'bts', label: 'BTS (2e année)' },
  { value: 'but2', label: 'BUT 2e année' },
  { value: 'but3', label: 'BUT 3e année' },
  { value: 'licence2', label: 'Licence 2' },
  { value: 'cesure', label: 'Année de césure après BTS, BUT 2 ou L2' },
  { value: 'autre', label: 'Autre' },
] as const

export const MOTIVATION_MIN = 200
export const MOTIVATION_MAX = 5000

/** The diploma's label for screens and exports (the stored value when unknown, a dash when empty). */
export const diplomaLabel = (value: string | null | undefined) =>
  diplomas.find((d) => d.value === value)?.label ?? value ?? '—'
export const civilityLabel = (value: string | null | undefined) =>
  civilities.find((c) => c.value === value)?.label ?? '—'
