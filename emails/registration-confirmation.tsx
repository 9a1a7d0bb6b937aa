import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type RegistrationConfirmationProps = {
  headName: string
  establishmentName: string
  url: string
  /** How long the link works, in words ("48 heures"). */
  validFor: string
}

export const registrationConfirmationSubject = (p: RegistrationConfirmationProps) =>
  `Confirmez l’inscription de ${p.establishmentName} sur Tremplin`

// The first step of a head's registration (seed 004): proves the professional address is theirs.
export default function RegistrationConfirmation(p: RegistrationConfirmationProps) {
  return (
    <EmailLayout
      preview={`Confirmez votre adresse pour inscrire ${p.establishmentName}`}
      footer="Si vous n’avez pas demandé cette inscription, ignorez ce message : rien ne sera créé sans votre confirmation."
    >
      <Text style={paragraph}>Bonjour {p.headName},</Text>
      <Text style={paragraph}>
        Vous avez demandé l’inscription de <strong>{p.establishmentName}</strong> sur Tremplin.
        Confirmez votre adresse professionnelle : la demande sera ensuite examinée par l’équipe de
        la plateforme, qui vous écrira dès qu’elle l’aura validée.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Confirmer mon adresse
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        Ce lien ne sert qu’une fois et reste valable {p.validFor}.
      </Text>
      <Text style={{ ...paragraph, fontSize: 13, color: '#4b5563' }}>
        Si le bouton ne fonctionne pas, copiez cette adresse : {p.url}
      </Text>
    </EmailLayout>
  )
}

RegistrationConfirmation.PreviewProps = {
  headName: 'Claire Durand',
  establishmentName: 'Collège Jean Jaurès',
  url: 'http://localhost:3000/inscription-etablissement/confirmer/exemple',
  validFor: '48 heures',
} satisfies RegistrationConfirmationProps
