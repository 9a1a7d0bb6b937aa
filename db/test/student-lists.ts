// Student lists as schools export them, generated for tests (no big fixture committed):
// French headers, accented names, semicolons, and broken rows of each kind at chosen places.

const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Lefèvre',
  'Moreau',
  'Girard',
  'Bonnet',
  'Rousseau',
  'Mercier',
  'Faure',
  'Chevalier',
]
const firstNames = [
  'Léa',
  'Chloé',
  'Inès',
  'Zoé',
  'Maëlys',
  'Noé',
  'Théo',
  'Jérémy',
  'Anaïs',
  'Loïc',
  'Hélène',
  'Gaël',
  'Cédric',
  'Océane',
  'Raphaël',
  'Éloïse',
]

export const brokenKinds = [
  'missing-name',
  'bad-date',
  'bad-email',
  'bad-ine',
  'unknown-class',
  'duplicate',
] as const
export type BrokenKind = (typeof brokenKinds)[number]

export type StudentListOptions = {
  count: number
  classes: string[]
  /** Row index (0-based, among data rows) → what is wrong with it. */
  broken?: Map<number, BrokenKind>
  /** Every n-th student has an email (1: all). */
  emailEvery?: number
  /** Prefix of emails, INE and names, so that lists of different tests never meet. */
  tag: string
  /** Changes one student's class: index → class name. */
  moves?: Map<number, string>
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** INE of the i-th student of a list: 10 digits (tag-derived) then a letter. */
export const ineOf = (tag: number, i: number) => `${pad(tag % 1000, 3)}${pad(i, 7)}K`

export function studentListCsv(options: StudentListOptions & { tagNumber: number }): string {
  const lines = [
    'Nom;Prénom;Date de naissance;INE;Classe;E-mail;Responsable légal;E-mail du responsable',
  ]
  let previous = ''
  for (let i = 0; i < options.count; i++) {
    const kind = options.broken?.get(i)
    if (kind === 'duplicate' && previous) {
      lines.push(previous)
      continue
    }
    const lastName = `${lastNames[i % lastNames.length]}-${options.tag}${i}`
    const firstName = firstNames[(i * 7) % firstNames.length]!
    const day = (i % 28) + 1
    const month = (i % 12) + 1
    const birth =
      kind === 'bad-date' ? `${pad(day, 2)}/13/2012` : `${pad(day, 2)}/${pad(month, 2)}/2012`
    const ine = kind === 'bad-ine' ? `X${i}` : ineOf(options.tagNumber, i)
    const className =
      kind === 'unknown-class'
        ? '6e Z'
        : (options.moves?.get(i) ?? options.classes[i % options.classes.length]!)
    const hasEmail = i % (options.emailEvery ?? 1) === 0
    const email =
      kind === 'bad-email' ? `eleve.${i}@` : hasEmail ? `${options.tag}.eleve${i}@exemple.fr` : ''
    const line = [
      kind === 'missing-name' ? '' : lastName,
      firstName,
      birth,
      ine,
      className,
      email,
      `Mme ${lastName}`,
      `parent.${options.tag}${i}@exemple.fr`,
    ].join(';')
    lines.push(line)
    previous = line
  }
  return lines.join('\r\n') + '\r\n'
}

/** The same text as Excel's "CSV (séparateur : point-virgule)" writes it: Windows-1252. */
export function toWindows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c, '–': 0x96 }
  return Uint8Array.from(
    [...text].map((c) => high[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)),
  )
}
