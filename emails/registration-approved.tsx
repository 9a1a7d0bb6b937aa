import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type RegistrationApprovedProps = {
  headName: string
  establishmentName: string
  signInUrl: string
  email: string
}

export const registrationApprovedSubject = (p: RegistrationApprovedProps) =>
  `${p.establishmentName} est inscrit sur Tremplin`

// The operator approved a head's registration: the establishment exists and they are its head.
export default function RegistrationApproved(p: RegistrationApprovedProps) {
  return (
    <EmailLayout preview={`${p.establishmentName} est inscrit sur Tremplin`}>
      <Text style={paragraph}>Bonjour {p.headName},</Text>
      <Text style={paragraph}>
        L’inscription de <strong>{p.establishmentName}</strong> est validée. Vous en êtes le chef
        d’établissement sur Tremplin : vous pouvez compléter sa fiche (adresse, logo, domaines
        e-mail) et inviter votre équipe.
      </Text>
      <Text style={paragraph}>Connectez-vous avec votre adresse {p.email} :</Text>
      <Button href={p.signInUrl} style={buttonStyle}>
        Me connecter
      </Button>
    </EmailLayout>
  )
}

RegistrationApproved.PreviewProps = {
  headName: 'Claire Durand',
  establishmentName: 'Collège Jean Jaurès',
  signInUrl: 'http://localhost:3000/connexion?callbackUrl=%2Fequipe%2Fetablissement',
  email: 'claire.durand@ac-toulouse.fr',
} satisfies RegistrationApprovedProps
