import type { SourceRow } from './csv'
import { requiredFields, type ColumnMapping, importFieldLabels } from './mapping'
import { classKey, normaliseEmail, normaliseIne, parseFrenchDate, tidy } from './values'

// From the file's rows and the chosen mapping to the students to import and the rows refused,
// each with its line number and the French reasons. Pure: the database's side (matching
// existing students, classes of the school) is given in the context.

/** A row ready to import. */
export type ImportRow = {
  line: number
  ine: string | null
  email: string | null
  firstName: string
  lastName: string
  birthDate: string | null
  /** The class name as the school spells it when it exists, else as the file does. */
  className: string
  guardianName: string | null
  guardianEmail: string | null
}

/** A refused row: its line in the file, who it seems to be, and why. */
export type RowError = { line: number; name: string; reasons: string[] }

export type ValidationContext = {
  /** The school year's classes by classKey. */
  classes: ReadonlyMap<string, { id: string; name: string }>
  /** Rows naming a class the school does not have create it (the person asked for it). */
  createMissingClasses: boolean
  /** Today, "yyyy-mm-dd": birth dates after it are refused. */
  today: string
}

export type Validation = {
  rows: ImportRow[]
  errors: RowError[]
  /** Class names of the file that the school year does not have (offered for creation). */
  missingClasses: string[]
}

const MAX_NAME = 100

export function validateRows(
  source: readonly SourceRow[],
  mapping: ColumnMapping,
  context: ValidationContext,
): Validation {
  const cell = (row: SourceRow, field: keyof ColumnMapping) => {
    const index = mapping[field]
    return index === null ? '' : tidy(row.cells[index] ?? '')
  }
  const errorsByLine = new Map<number, RowError>()
  const refuse = (line: number, name: string, reason: string) => {
    const error = errorsByLine.get(line) ?? { line, name, reasons: [] }
    if (!error.reasons.includes(reason)) error.reasons.push(reason)
    errorsByLine.set(line, error)
  }
  const missing = new Map<string, string>()
  const candidates: ImportRow[] = []

  for (const row of source) {
    const lastName = cell(row, 'lastName')
    const firstName = cell(row, 'firstName')
    const name = [firstName, lastName].filter(Boolean).join(' ') || '(sans nom)'
    const reasons: string[] = []
    for (const field of requiredFields)
      if (cell(row, field) === '') reasons.push(`${importFieldLabels[field]} manquant(e).`)
    if (lastName.length > MAX_NAME || firstName.length > MAX_NAME)
      reasons.push(`Nom ou prénom trop long (${MAX_NAME} caractères au plus).`)

    const rawIne = cell(row, 'ine')
    const ine = rawIne ? normaliseIne(rawIne) : null
    if (rawIne && !ine)
      reasons.push(
        `INE mal formé « ${rawIne} » : 11 caractères attendus, 10 chiffres et une lettre ou 9 chiffres et deux lettres.`,
      )
    const rawBirth = cell(row, 'birthDate')
    const birthDate = rawBirth ? parseFrenchDate(rawBirth) : null
    if (rawBirth && (!birthDate || birthDate > context.today || birthDate < '1900-01-01'))
      reasons.push(`Date de naissance invalide « ${rawBirth} » : attendu jj/mm/aaaa.`)
    const rawEmail = cell(row, 'email')
    const email = rawEmail ? normaliseEmail(rawEmail) : null
    if (rawEmail && !email) reasons.push(`Adresse e-mail invalide « ${rawEmail} ».`)
    const rawGuardianEmail = cell(row, 'guardianEmail')
    const guardianEmail = rawGuardianEmail ? normaliseEmail(rawGuardianEmail) : null
    if (rawGuardianEmail && !guardianEmail)
      reasons.push(`Adresse e-mail du responsable invalide « ${rawGuardianEmail} ».`)
    if (!rawIne && !rawEmail && !rawBirth && lastName && firstName)
      reasons.push(
        'Ni INE, ni e-mail, ni date de naissance : l’élève ne pourrait pas être reconnu au prochain import.',
      )

    const rawClass = cell(row, 'className')
    const known = rawClass ? context.classes.get(classKey(rawClass)) : undefined
    if (rawClass && !known) {
      missing.set(classKey(rawClass), rawClass)
      if (!context.createMissingClasses)
        reasons.push(`Classe inconnue « ${rawClass} » : créez-la ou corrigez le fichier.`)
    }

    if (reasons.length > 0) {
      for (const reason of reasons) refuse(row.line, name, reason)
      continue
    }
    candidates.push({
      line: row.line,
      ine,
      email,
      firstName,
      lastName,
      birthDate,
      className: known?.name ?? rawClass,
      guardianName: cell(row, 'guardianName') || null,
      guardianEmail,
    })
  }

  // The same student twice in the file: a repeated line is dropped; in two classes, neither
  // line can be trusted over the other.
  const byIne = new Map<string, ImportRow>()
  const byEmail = new Map<string, ImportRow>()
  const byIdentity = new Map<string, ImportRow>()
  const dropped = new Set<ImportRow>()
  const nameOf = (r: ImportRow) => `${r.firstName} ${r.lastName}`
  for (const row of candidates) {
    const identity = `${classKey(row.lastName)}|${classKey(row.firstName)}|${row.birthDate}`
    const sameIne = row.ine ? byIne.get(row.ine) : undefined
    const sameEmail = row.email ? byEmail.get(row.email) : undefined
    const prior =
      sameIne ?? sameEmail ?? (!row.ine && !row.email ? byIdentity.get(identity) : undefined)
    if (prior) {
      if (sameEmail && !sameIne && row.ine && sameEmail.ine && sameEmail.ine !== row.ine) {
        refuse(
          row.line,
          nameOf(row),
          `Adresse e-mail « ${row.email} » déjà donnée à un autre élève à la ligne ${prior.line}.`,
        )
      } else if (classKey(prior.className) !== classKey(row.className)) {
        refuse(
          row.line,
          nameOf(row),
          `Élève présent deux fois dans le fichier, dans deux classes : « ${prior.className} » (ligne ${prior.line}) et « ${row.className} ».`,
        )
        refuse(
          prior.line,
          nameOf(prior),
          `Élève présent deux fois dans le fichier, dans deux classes : « ${prior.className} » et « ${row.className} » (ligne ${row.line}).`,
        )
        dropped.add(prior)
      } else {
        refuse(row.line, nameOf(row), `Ligne en double : même élève qu’à la ligne ${prior.line}.`)
      }
      dropped.add(row)
      continue
    }
    if (row.ine) byIne.set(row.ine, row)
    if (row.email) byEmail.set(row.email, row)
    byIdentity.set(identity, row)
  }

  return {
    rows: candidates.filter((r) => !dropped.has(r)),
    errors: [...errorsByLine.values()].sort((a, b) => a.line - b.line),
    missingClasses: [...missing.values()].sort((a, b) => a.localeCompare(b, 'fr')),
  }
}
