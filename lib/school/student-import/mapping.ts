import { searchable } from '@/lib/text'

// Which column of the file holds which piece of a student. Exports differ between schools
// and tools (SIECLE, Pronote, a hand-made sheet): the headers are guessed, then the person
// checks and corrects the guess on the preview.

export const importFields = [
  'lastName',
  'firstName',
  'birthDate',
  'ine',
  'className',
  'email',
  'guardianName',
  'guardianEmail',
] as const
export type ImportField = (typeof importFields)[number]

export const importFieldLabels: Record<ImportField, string> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  ine: 'INE',
  className: 'Classe',
  email: 'E-mail de l’élève',
  guardianName: 'Responsable légal',
  guardianEmail: 'E-mail du responsable',
}

/** Fields without which a row cannot be imported. */
export const requiredFields: readonly ImportField[] = ['lastName', 'firstName', 'className']

/** For each field, the index of its column in the file, or null when the file has none. */
export type ColumnMapping = Record<ImportField, number | null>

export const emptyMapping = (): ColumnMapping =>
  Object.fromEntries(importFields.map((f) => [f, null])) as ColumnMapping

const guardianWords = /\b(responsable|resp|representant|parent|tuteur legal|mere|pere)\b/
const emailWords = /\b(e ?mail|courriel|mel|adresse electronique)\b/

/** The field a header names, if any ("Date de naissance", "NOM", "E-mail du responsable 1"…). */
export function fieldOfHeader(header: string): ImportField | null {
  const h = searchable(header.replace(/[^\p{L}\p{N}]+/gu, ' '))
  if (!h) return null
  if (guardianWords.test(h)) {
    if (emailWords.test(h)) return 'guardianEmail'
    if (
      /\b(nom|responsable|representant|identite|legal)\b/.test(h) &&
      !/\b(tel|telephone|adresse|lien)\b/.test(h)
    )
      return 'guardianName'
    return null
  }
  if (emailWords.test(h)) return 'email'
  if (/\bine\b|identifiant national|\bn ?ine\b/.test(h)) return 'ine'
  if (/naissance|\bne e? le\b|date nais/.test(h)) return 'birthDate'
  if (/\bprenoms?\b/.test(h)) return 'firstName'
  if (/\bnom\b/.test(h)) return 'lastName'
  if (/\b(classe|division|groupe classe)\b/.test(h)) return 'className'
  return null
}

/** The mapping guessed from the headers: each field takes the first column that names it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping()
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header)
    if (field && mapping[field] === null) mapping[field] = index
  })
  return mapping
}

/** How many fields a row of headers names (to find the header row under a title line). */
export const recognisedFields = (headers: readonly string[]) =>
  new Set(headers.map(fieldOfHeader).filter(Boolean)).size
