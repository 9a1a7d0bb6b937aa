import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { UserFacingError } from '@/lib/errors'

// French communes and their postcodes, offline: @etalab/decoupage-administratif (INSEE's
// Code officiel géographique and La Poste's postcodes, published by data.gouv.fr). Its 8 MB
// file is read from node_modules on first use, on the server only, and never bundled.
// The package carries no coordinates (nor does any maintained offline one): an
// establishment's latitude and longitude are typed, or left empty until known.

export type Commune = {
  /** INSEE code ("31555"). */
  code: string
  name: string
  postcode: string
  /** Département code ("31", "2A", "971"). */
  departement: string
}

type RawCommune = {
  code: string
  nom: string
  type: string
  departement: string
  codesPostaux?: string[]
}

let byPostcode: Map<string, Commune[]> | undefined

function load(): Map<string, Commune[]> {
  if (byPostcode) return byPostcode
  // Resolved at run time from the project's own node_modules, so bundlers leave it alone.
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json')
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawCommune[]
  const index = new Map<string, Commune[]>()
  for (const c of raw) {
    // Current communes only (Paris, Lyon and Marseille included whole, with every postcode).
    if (c.type !== 'commune-actuelle') continue
    for (const postcode of c.codesPostaux ?? []) {
      const list = index.get(postcode) ?? []
      list.push({ code: c.code, name: c.nom, postcode, departement: c.departement })
      index.set(postcode, list)
    }
  }
  for (const list of index.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  byPostcode = index
  return index
}

export const isPostcode = (value: string) => /^\d{5}$/.test(value)

/** The communes a postcode serves (often one, up to a few dozen in the countryside). */
export function communesForPostcode(postcode: string): Commune[] {
  if (!isPostcode(postcode)) return []
  return load().get(postcode) ?? []
}

/** Case, accents, hyphens and apostrophes aside: "saint-orens de gameville" = "Saint-Orens-de-Gameville". */
export const comparableName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim()

/** The commune of that postcode and name, spelled as INSEE does; null when they do not match. */
export function communeOf(postcode: string, city: string): Commune | null {
  const wanted = comparableName(city)
  return communesForPostcode(postcode).find((c) => comparableName(c.name) === wanted) ?? null
}

/** The communes of that name, whatever their postcode (each once, with its first postcode). */
export function communesNamed(name: string): Commune[] {
  const wanted = comparableName(name)
  const found = new Map<string, Commune>()
  for (const list of load().values())
    for (const c of list)
      if (comparableName(c.name) === wanted && !found.has(c.code)) found.set(c.code, c)
  return [...found.values()].sort((a, b) => a.postcode.localeCompare(b.postcode))
}

/** Refuses a (postcode, commune) pair that INSEE does not know; returns the commune's spelling. */
export function checkedCommune(postcode: string, city: string): string {
  const commune = communeOf(postcode, city)
  if (!commune)
    throw new UserFacingError('La commune ne correspond pas au code postal.', {
      city: ['Commune : choisissez-la dans la liste des communes de ce code postal.'],
    })
  return commune.name
}
