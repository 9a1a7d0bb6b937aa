import { and, asc, eq, gt } from 'drizzle-orm'
import type { Executor } from '@/db'
import { admissionCampaigns, applications, establishments, programmes } from '@/db/schema'
import { diplomaLabel } from '@/lib/admissions/application-fields'
import { scopeCondition } from '@/lib/admissions/staff-scope'
import type { StaffScope } from '@/lib/auth/staff-context'
import type { Cell } from './cells'

// Export of confirmed candidates for the student information system (SIS: Pégase, Apogée,
// SIECLE imports…). One row per candidate who was admitted and confirmed their place. The
// column names are stable and documented in lib/reporting/export-si.md: change them only with it.
export const sisColumns = [
  { name: 'ID_TREMPLIN', help: 'Identifiant de la candidature dans Tremplin (UUID)' },
  { name: 'UAI_ETABLISSEMENT', help: 'Code UAI de l’établissement d’accueil' },
  { name: 'FORMATION', help: 'Intitulé de la formation' },
  { name: 'CAMPAGNE', help: 'Nom de la campagne de recrutement' },
  { name: 'CIVILITE', help: 'M ou MME' },
  { name: 'NOM', help: 'Nom de famille, en majuscules' },
  { name: 'PRENOM', help: 'Prénom' },
  { name: 'DATE_NAISSANCE', help: 'Date de naissance, JJ/MM/AAAA' },
  { name: 'EMAIL', help: 'Adresse vérifiée à la connexion' },
  { name: 'TELEPHONE', help: 'Téléphone au format international E.164' },
  { name: 'ADRESSE', help: 'Numéro et voie' },
  { name: 'CODE_POSTAL', help: 'Code postal' },
  { name: 'VILLE', help: 'Commune' },
  { name: 'PAYS', help: 'Pays' },
  { name: 'DIPLOME_EN_COURS', help: 'Diplôme préparé au moment de la candidature' },
  { name: 'ETABLISSEMENT_ORIGINE', help: 'Établissement fréquenté au moment de la candidature' },
  { name: 'SPECIALITE_ORIGINE', help: 'Spécialité ou mention' },
  { name: 'ANNEE_DIPLOME', help: 'Année d’obtention prévue' },
  { name: 'DATE_DECISION', help: 'Date de publication de l’avis favorable, JJ/MM/AAAA' },
  { name: 'DATE_CONFIRMATION', help: 'Date de la confirmation par le candidat, JJ/MM/AAAA' },
] as const

const frDate = (d: Date | string | null) => {
  if (!d) return null
  const date = typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d
  return new Intl.DateTimeFormat('fr-FR', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(date)
}

/** The header then one row per confirmed candidate, in batches (never the whole table in memory). */
export async function* sisExport(
  db: Executor,
  scope: StaffScope,
  options: { campaignId?: string; batchSize?: number } = {},
): AsyncGenerator<Cell[]> {
  yield sisColumns.map((c) => c.name)
  const batchSize = options.batchSize ?? 1000
  let after: string | undefined
  for (;;) {
    const rows = await db
      .select({
        a: applications,
        uai: establishments.uai,
        programme: programmes.name,
        campaign: admissionCampaigns.name,
      })
      .from(applications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, applications.campaignId))
      .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
      .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
      .where(
        and(
          scopeCondition(scope),
          eq(applications.status, 'confirmed'),
          options.campaignId ? eq(applications.campaignId, options.campaignId) : undefined,
          after ? gt(applications.id, after) : undefined,
        ),
      )
      .orderBy(asc(applications.id))
      .limit(batchSize)
    for (const { a, uai, programme, campaign } of rows) {
      yield [
        a.id,
        uai,
        programme,
        campaign,
        a.civility === 'mme' ? 'MME' : a.civility === 'm' ? 'M' : null,
        a.lastName?.toUpperCase() ?? null,
        a.firstName,
        frDate(a.birthDate),
        a.email,
        a.phone,
        a.addressLine,
        a.postalCode,
        a.city,
        a.country,
        diplomaLabel(a.diploma),
        a.currentEstablishment,
        a.specialty,
        a.graduationYear,
        frDate(a.decidedAt),
        frDate(a.answeredAt),
      ]
    }
    if (rows.length < batchSize) return
    after = rows.at(-1)!.a.id
  }
}
