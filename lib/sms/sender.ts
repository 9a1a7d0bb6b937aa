import type { Executor } from '@/db'
import { emailOutbox } from '@/db/schema'
import { renderEmail } from '@/lib/mail/render'

export interface SmsSender {
  readonly name: string
  send(db: Executor, message: { to: string; body: string }): Promise<void>
}

/**
 * Development adapter: the text message is written to the outbox as already "sent", so it
 * shows in /dev/mailbox and tests can read it; nothing leaves the machine.
 */
export function mailboxSmsSender(): SmsSender {
  return {
    name: 'mailbox',
    async send(db, message) {
      const rendered = await renderEmail('sms-message', { phone: message.to, body: message.body })
      await db.insert(emailOutbox).values({
        template: 'sms-message',
        toAddress: `sms:${message.to}`,
        subject: rendered.subject,
        html: rendered.html,
        text: message.body,
        payload: { phone: message.to, body: message.body },
        status: 'sent',
        sentAt: new Date(),
      })
    },
  }
}

/**
 * The configured SMS provider, or null when phones are recorded as declared.
 * SMS_PROVIDER=mailbox (the default outside production) or none.
 */
export function configuredSmsSender(
  env: Record<string, string | undefined> = process.env,
): SmsSender | null {
  const provider = env.SMS_PROVIDER ?? (env.NODE_ENV === 'production' ? 'none' : 'mailbox')
  if (provider === 'mailbox') return mailboxSmsSender()
  return null
}
