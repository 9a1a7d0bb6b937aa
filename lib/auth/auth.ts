import { DrizzleAdapter } from '@auth/drizzle-adapter'
import { eq } from 'drizzle-orm'
import NextAuth, { type NextAuthConfig } from 'next-auth'
import type { Adapter, AdapterSession } from 'next-auth/adapters'
import type { Provider } from 'next-auth/providers'
import { getDb } from '@/db'
import { accounts, sessions, users, verificationTokens } from '@/db/schema'
import { appUrl } from '@/lib/config/settings'
import { requestContext } from '@/lib/http/request-context'
import { recordAccountEvent } from './account-audit'
import { SESSION_MAX_AGE_SECONDS } from './database-session'
import { loadLiveSession } from './live-session'
import { safeRedirectUrl } from './safe-redirect'
import { enqueueSignInEmail, MAGIC_LINK_MAX_AGE_SECONDS } from './magic-link'

// Sessions live in the database so they can be revoked (sign-out, membership removal).
// Lifetime: 30 days (lib/auth/database-session.ts), extended at most once a day in use; staff
// sessions end much sooner (lib/auth/session-limits.ts, applied by the adapter below).
export { SESSION_MAX_AGE_SECONDS }
const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60

// Auth.js builds its links and redirects from AUTH_URL when set, else from the request's
// Host / X-Forwarded-Host, which anyone can forge (a sign-in link to evil.example carrying a
// real token). APP_URL alone decides: AUTH_URL is always derived from it, whatever the
// environment says, and `trustHost` is then harmless (the request's host is never used).
process.env.AUTH_URL = `${new URL(appUrl()).origin}/api/auth`

function providers(): Provider[] {
  const list: Provider[] = [
    {
      id: 'email',
      type: 'email',
      name: 'E-mail',
      from: process.env.MAIL_FROM ?? 'Tremplin <noreply@tremplin.local>',
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      options: {},
      async sendVerificationRequest({ identifier, url }) {
        // The client's IP (from trusted proxies only) feeds the per-IP limit on sign-in emails.
        await enqueueSignInEmail(getDb(), { identifier, url, ip: (await requestContext()).ip })
      },
    },
  ]
  // A school's single sign-on (OpenID Connect), enabled by configuration only.
  if (process.env.AUTH_OIDC_ISSUER && process.env.AUTH_OIDC_ID && process.env.AUTH_OIDC_SECRET) {
    list.push({
      id: 'oidc',
      name: process.env.AUTH_OIDC_NAME ?? 'ENT de l’établissement',
      type: 'oidc',
      issuer: process.env.AUTH_OIDC_ISSUER,
      clientId: process.env.AUTH_OIDC_ID,
      clientSecret: process.env.AUTH_OIDC_SECRET,
      // The school's identity provider vouches for the address: link it to the same account.
      allowDangerousEmailAccountLinking: true,
    })
  }
  return list
}

export const hasOidc = () =>
  Boolean(process.env.AUTH_OIDC_ISSUER && process.env.AUTH_OIDC_ID && process.env.AUTH_OIDC_SECRET)
export const oidcName = () => process.env.AUTH_OIDC_NAME ?? 'ENT de l’établissement'

/**
 * Drizzle's adapter, with two changes: every read of a session goes through
 * `loadLiveSession` (staff limits, last activity, two-factor state), and a deleted session
 * is returned so that sign-out can be audited.
 */
function adapter(): Adapter {
  const db = getDb()
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  })
  return {
    ...base,
    getSessionAndUser: (sessionToken) => loadLiveSession(db, sessionToken),
    async deleteSession(sessionToken) {
      const [row] = await db
        .delete(sessions)
        .where(eq(sessions.sessionToken, sessionToken))
        .returning()
      return (row as AdapterSession | undefined) ?? null
    },
  }
}

// Built lazily per request: the adapter needs the database, which `next build` must not.
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => ({
  adapter: adapter(),
  providers: providers(),
  session: {
    strategy: 'database',
    maxAge: SESSION_MAX_AGE_SECONDS,
    updateAge: SESSION_UPDATE_AGE_SECONDS,
  },
  pages: { signIn: '/connexion', verifyRequest: '/connexion/verifier', error: '/connexion/erreur' },
  trustHost: true,
  logger: {
    // An expired or already used link is an everyday event, shown to the person as such.
    error(error) {
      if (error.name === 'Verification' || (error as { type?: string }).type === 'Verification')
        return
      console.error('[auth]', error)
    },
  },
  events: {
    async signIn({ user, account }) {
      if (!user.id) return
      await recordAccountEvent(getDb(), {
        userId: user.id,
        action: 'auth.signed_in',
        after: { provider: account?.provider ?? null },
        ...(await requestContext()),
      })
    },
    async signOut(message) {
      const userId = 'session' in message ? message.session?.userId : undefined
      if (!userId) return
      await recordAccountEvent(getDb(), {
        userId,
        action: 'auth.signed_out',
        ...(await requestContext()),
      })
    },
  },
  callbacks: {
    // Only what pages need: the row Auth.js passes in also holds the session token, which must
    // never reach the browser (GET /api/auth/session returns this object).
    session({ session, user }) {
      const row = session as typeof session & {
        activeEstablishmentId?: string | null
        secondFactorPending?: boolean
      }
      const expires = session.expires as unknown
      return {
        user: {
          id: user.id,
          name: user.name ?? null,
          email: user.email,
          image: user.image ?? null,
        },
        expires: expires instanceof Date ? expires.toISOString() : String(expires),
        activeEstablishmentId: row.activeEstablishmentId ?? null,
        secondFactorPending: row.secondFactorPending ?? false,
        // Read with the session's user row: the header asks on every page, with no query of its own.
        platformAdmin: (user as { platformAdmin?: boolean }).platformAdmin === true,
      }
    },
    redirect({ url }) {
      return safeRedirectUrl(url)
    },
  },
}))

declare module 'next-auth' {
  interface Session {
    /** The establishment chosen with the header's switcher (lib/auth/active-establishment.ts). */
    activeEstablishmentId?: string | null
    /** Two-factor is on and this session has not passed it yet: it opens nothing but /connexion/code. */
    secondFactorPending?: boolean
    /** The person operates the platform (users.platform_admin, lib/auth/platform.ts). */
    platformAdmin?: boolean
  }
}
