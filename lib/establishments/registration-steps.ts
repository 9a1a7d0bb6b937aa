import type { RegistrationInput } from './schemas'

// The registration form's steps, each validated before the next is shown. Apart from the
// schema so that the page loads without zod (fetched on the first focus).
export const registrationSteps = [
  { title: 'La commune', fields: ['postcode', 'city'] },
  { title: 'L’établissement', fields: ['name', 'uai', 'kind', 'address', 'emailDomain'] },
  { title: 'Vous', fields: ['headName', 'headEmail'] },
] as const satisfies readonly { title: string; fields: readonly (keyof RegistrationInput)[] }[]
