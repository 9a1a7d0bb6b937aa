import { Resend } from 'resend'
import { parseRetryAfter } from './backoff'

export type OutgoingAttachment = { filename: string; content: Buffer }
export type OutgoingEmail = {
  id: string
  to: string
  subject: string
  html: string
  text: string
  attachments?: OutgoingAttachment[]
}

export interface MailTransport {
  readonly name: string
  /** Sends one email; throws MailTransportError on failure. Returns the provider's message id. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>
}

export class MailTransportError extends Error {
  constructor(
    message: string,
    /** permanent: the provider refused this message for good (invalid address, validation); otherwise it is retried. */
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

// Resend's 4xx validation errors: the message itself (recipient, attachment) is refused and
// sending it again cannot help. Everything else is transient: network errors, 5xx, 429 and
// quotas, and also key, endpoint or sender mistakes (401, 403, 404, invalid_from_address),
// which an operator fixes while the outbox keeps retrying: none of those says the recipient's
// address is wrong, and a dead email tells the candidate it is.
const permanentResendErrors = new Set([
  'validation_error',
  'invalid_parameter',
  'missing_required_field',
  'invalid_attachment',
])
const senderErrors = new Set(['invalid_from_address'])

/** Turns an error answered by Resend into a MailTransportError, permanent or to retry. */
export function resendError(
  error: { name: string; message: string; statusCode?: number | null },
  headers?: Record<string, string> | null,
): MailTransportError {
  const permanent =
    !senderErrors.has(error.name) &&
    (permanentResendErrors.has(error.name) || error.statusCode === 422)
  return new MailTransportError(`${error.name}: ${error.message}`, {
    retryAfterMs: permanent ? undefined : parseRetryAfter(headers?.['retry-after']),
    permanent,
  })
}

/** Resend, with the outbox row id as idempotency key so a retried send is never duplicated. */
export function resendTransport(options: {
  apiKey: string
  from: string
  baseUrl?: string
}): MailTransport {
  const client = new Resend(
    options.apiKey,
    options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  )
  return {
    name: 'resend',
    async send(email) {
      let response: Awaited<ReturnType<typeof client.emails.send>>
      try {
        response = await client.emails.send(
          {
            from: options.from,
            to: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
            tags: [{ name: 'outbox_id', value: email.id }],
            ...(email.attachments?.length
              ? {
                  attachments: email.attachments.map((a) => ({
                    filename: a.filename,
                    content: a.content,
                  })),
                }
              : {}),
          },
          { idempotencyKey: `tremplin-outbox-${email.id}` },
        )
      } catch (error) {
        // The SDK answers most network failures itself; whatever it throws is as transient.
        throw new MailTransportError(error instanceof Error ? error.message : String(error))
      }
      if (response.error) throw resendError(response.error, response.headers)
      return { providerMessageId: response.data?.id ?? null }
    },
  }
}

/** The transport configured by the environment: Resend when RESEND_API_KEY is set. */
export function configuredTransport(
  env: Record<string, string | undefined> = process.env,
): MailTransport {
  if (env.RESEND_API_KEY) {
    return resendTransport({
      apiKey: env.RESEND_API_KEY,
      from: env.MAIL_FROM ?? 'Tremplin <onboarding@resend.dev>',
      baseUrl: env.RESEND_BASE_URL,
    })
  }
  return localTransport()
}
