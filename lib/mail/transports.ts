import { Resend } from 'resend'
import { parseRetryAfter } from './backoff'

export type OutgoingAttachment = { filename: string; content: Buffer }
export type OutgoingEmail = { id: string; to: string; subject: string; html: string; text: string; attachments?: OutgoingAttachment[] }

export interface MailTransport {
  readonly name: string
  /** Sends one email; throws MailTransportError on failure. Returns the provider's message id. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>
}

export class MailTransportError extends Error {
  constructor(
    message: string,
    readonly options: { retryAfterMs?: number; permanent?: boolean } = {},
  ) {
    super(message)
    this.name = 'MailTransportError'
  }
}

/** Local transport: development and tests. The message stays readable in the outbox and /dev/mailbox. */
export function localTransport(): MailTransport {
  return {
    name: 'local',
    async send(email) {
      if (process.env.MAIL_LOG === '1') console.info(`[mail] ${email.to} — ${email.subject}`)
      return { providerMessageId: `local-${email.id}` }
    },
  }
}

const permanentResendErrors = new Set(['validation_error', 'invalid_from_address', 'invalid_parameter', 'missing_required_field', 'invalid_attachment'])

/** Resend, with the outbox row id as idempotency key so a retried send is never duplicated. */
export function resendTransport(options: { apiKey: string; from: string; baseUrl?: string }): MailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined)
  return {
    name: 'resend',
    async send(email) {
      const response = await client.emails.send(
        {
          from: options.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          tags: [{ name: 'outbox_id', value: email.id }],
          ...(email.attachments?.length ? { attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.content })) } : {}),
        },
        { idempotencyKey: `tremplin-outbox-${email.id}` },
      )
      if (response.error) {
        const retryAfterMs = parseRetryAfter(response.headers?.['retry-after'])
        throw new MailTransportError(`${response.error.name}: ${response.error.message}`, {
          retryAfterMs,
          permanent: permanentResendErrors.has(response.error.name),
        })
      }
      return { providerMessageId: response.data?.id ?? null }
    },
  }
}

/** The transport configured by the environment: Resend when RESEND_API_KEY is set. */
export function configuredTransport(env: Record<string, string | undefined> = process.env): MailTransport {
  if (env.RESEND_API_KEY) {
    return resendTransport({ apiKey: env.RESEND_API_KEY, from: env.MAIL_FROM ?? 'Tremplin <onboarding@resend.dev>', baseUrl: env.RESEND_BASE_URL })
  }
  return localTransport()
}
