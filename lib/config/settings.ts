import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

type Env = Record<string, string | undefined>

// Settings production cannot run without; development generates or defaults them.
export function missingProductionSettings(env: Env = process.env): string[] {
  const missing: string[] = []
  if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32)
    missing.push('AUTH_SECRET (32 caractères au moins)')
  if (!env.APP_URL) missing.push('APP_URL')
  if (!env.DATABASE_URL && env.EMBEDDED_DATABASE !== '1' && env.EMBEDDED_DATABASE !== 'memory')
    missing.push('DATABASE_URL (ou EMBEDDED_DATABASE=1 pour la base embarquée)')
  if (env.RESEND_API_KEY && !env.MAIL_FROM)
    missing.push('MAIL_FROM (obligatoire avec RESEND_API_KEY)')
  return missing
}

/** Settings production runs without, at a cost the operator should know (logged at start). */
export function productionWarnings(env: Env = process.env): string[] {
  const warnings: string[] = []
  if (!env.TRUSTED_PROXY_HOPS || env.TRUSTED_PROXY_HOPS.trim() === '0') {
    warnings.push(
      'TRUSTED_PROXY_HOPS vaut 0 : aucune adresse IP client n’est enregistrée et la limite de liens de connexion par adresse IP ne s’applique pas. Derrière un proxy inverse, indiquez le nombre de proxys (README).',
    )
  }
  if (!env.RESEND_API_KEY)
    warnings.push(
      'RESEND_API_KEY absent : les e-mails restent dans la file d’envoi, rien n’est envoyé.',
    )
  return warnings
}

export function assertProductionSettings(env: Env = process.env) {
  const missing = missingProductionSettings(env)
  if (missing.length > 0) {
    throw new Error(
      `Configuration incomplète pour la production. Paramètres manquants : ${missing.join(', ')}. Voir le tableau de configuration du README.`,
    )
  }
}

type DevSecrets = { AUTH_SECRET: string; CRON_SECRET: string }

/** Development secrets, generated on first run and kept under `.data/` (git-ignored). */
export function loadDevSecrets(dataRoot: string): DevSecrets {
  const file = path.join(dataRoot, 'dev-secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets
  const secrets: DevSecrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    CRON_SECRET: randomBytes(24).toString('base64url'),
  }
  mkdirSync(dataRoot, { recursive: true })
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

export { appUrl } from './app-url'
