import { desc, eq } from 'drizzle-orm'
import type { Executor } from '@/db'
import { admissionCampaigns, departments, establishments, programmes } from '@/db/schema'

const campaignColumns = {
  id: admissionCampaigns.id,
  name: admissionCampaigns.name,
  description: admissionCampaigns.description,
  opensAt: admissionCampaigns.opensAt,
  closesAt: admissionCampaigns.closesAt,
  requiredRecommendations: admissionCampaigns.requiredRecommendations,
  recommendationDeadline: admissionCampaigns.recommendationDeadline,
  programmeName: programmes.name,
  programmeLevel: programmes.level,
  departmentName: departments.name,
  establishmentId: establishments.id,
  establishmentName: establishments.name,
  establishmentCity: establishments.city,
}

/** All campaigns of one establishment, newest first (staff view). */
export async function listEstablishmentCampaigns(db: Executor, establishmentId: string) {
  return db
    .select(campaignColumns)
    .from(admissionCampaigns)
    .innerJoin(programmes, eq(programmes.id, admissionCampaigns.programmeId))
    .innerJoin(establishments, eq(establishments.id, admissionCampaigns.establishmentId))
    .leftJoin(departments, eq(departments.id, programmes.departmentId))
    .where(eq(admissionCampaigns.establishmentId, establishmentId))
    .orderBy(desc(admissionCampaigns.opensAt))
}

export type CampaignPhase = 'upcoming' | 'open' | 'closed'
export function campaignPhase(
  campaign: { opensAt: Date; closesAt: Date },
  now: Date = new Date(),
): CampaignPhase {
  if (now < campaign.opensAt) return 'upcoming'
  if (now >= campaign.closesAt) return 'closed'
  return 'open'
}
