'use client'

import { FlashNotice } from '@/components/ui/flash-notice'

export const INVITATION_ACCEPTED_FLAG = 'invitation'

/** "Invitation acceptée" on the page an accepted invitation led to (/equipe or /espace). */
export function InvitationAcceptedNotice() {
  return (
    <FlashNotice
      param={INVITATION_ACCEPTED_FLAG}
      value="acceptee"
      message="Invitation acceptée : bienvenue ! Vous avez rejoint l’établissement avec votre nouveau rôle."
    />
  )
}
