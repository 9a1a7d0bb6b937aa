'use server'

import { redirect } from 'next/navigation'
import { signIn, signOut } from '@/lib/auth/auth'
import { publicAction } from '@/lib/auth/action-clients'
import { signInSchema } from '@/lib/auth/schemas'

// Public by nature (anyone may ask for a link); the link itself is the proof of identity.
export const requestSignInLink = publicAction(signInSchema, async ({ email, callbackUrl }) => {
  await signIn('email', { email, redirectTo: callbackUrl, redirect: false })
  redirect('/connexion/verifier')
})

/** Form-friendly variant for the demo-account buttons (FormData in, redirect out). */
export async function requestSignInLinkForm(formData: FormData) {
  await requestSignInLink(formData)
}

export async function signOutAction() {
  await signOut({ redirectTo: '/' })
}
