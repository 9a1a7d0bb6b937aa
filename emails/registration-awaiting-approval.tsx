import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type RegistrationAwaitingApprovalProps = {
  establishmentName: string
  uai: string
  city: string
  headName: string
  headEmail: string
  url: string
}

export const registrationAwaitingApprovalSubject = (p: RegistrationAwaitingApprovalProps) =>
  `Inscription à valider : ${p.establishmentName} (${p.uai})`

// Tells the platform's operators that a head confirmed their address: a registration waits.
export default function RegistrationAwaitingApproval(p: RegistrationAwaitingApprovalProps) {
  return (
    <EmailLayout preview={`${p.establishmentName} attend votre validation`}>
      <Text style={paragraph}>Bonjour,</Text>
      <Text style={paragraph}>
        {p.headName} ({p.headEmail}) a confirmé son adresse et demande l’inscription de{' '}
        <strong>{p.establishmentName}</strong> ({p.uai}, {p.city}) sur Tremplin.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Examiner la demande
      </Button>
    </EmailLayout>
  )
}

RegistrationAwaitingApproval.PreviewProps = {
  establishmentName: 'Collège Jean Jaurès',
  uai: '0311234Y',
  city: 'Colomiers',
  headName: 'Claire Durand',
  headEmail: 'claire.durand@ac-toulouse.fr',
  url: 'http://localhost:3000/plateforme/inscriptions',
} satisfies RegistrationAwaitingApprovalProps
