import { Text } from 'react-email'
import { EmailLayout, paragraph } from './components/layout'

export type SmsMessageProps = { phone: string; body: string }

export const smsMessageSubject = (p: SmsMessageProps) => `SMS pour ${p.phone}`

// Development only: a text message shown in the dev mailbox instead of being sent.
export default function SmsMessage(p: SmsMessageProps) {
  return (
    <EmailLayout preview={p.body} footer="SMS de développement : aucun message n’a été envoyé.">
      <Text style={paragraph}>À : {p.phone}</Text>
      <Text style={{ ...paragraph, fontFamily: 'monospace' }}>{p.body}</Text>
    </EmailLayout>
  )
}

SmsMessage.PreviewProps = {
  phone: '+33612345678',
  body: 'Tremplin : votre code de confirmation est 123456 (valable 10 minutes).',
} satisfies SmsMessageProps
