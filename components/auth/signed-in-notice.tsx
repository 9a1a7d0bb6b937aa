'use client'

import { FlashNotice } from '@/components/ui/flash-notice'
import { SIGNED_IN_FLAG } from '@/lib/auth/safe-redirect'

/** "Vous êtes connecté(e)" on the page a sign-in link led back to. */
export function SignedInNotice() {
  return <FlashNotice param={SIGNED_IN_FLAG} value="1" message="Vous êtes connecté(e)." />
}
