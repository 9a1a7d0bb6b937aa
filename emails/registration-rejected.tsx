import { Text } from 'react-email'
import { EmailLayout, paragraph } from './components/layout'

export type RegistrationRejectedProps = {
  headName: string
  establishmentName: string
  reason: string
}

export const registrationRejectedSubject = (p: RegistrationRejectedProps) =>
  `Inscription de ${p.establishmentName} sur Tremplin : demande refusée`

// The operator refused a registration, with the reason they gave.
export default function RegistrationRejected(p: RegistrationRejectedProps) {
  return (
    <EmailLayout
      preview={`Votre demande d’inscription de ${p.establishmentName} n’a pas été validée`}
    >
      <Text style={paragraph}>Bonjour {p.headName},</Text>
      <Text style={paragraph}>
        Votre demande d’inscription de <strong>{p.establishmentName}</strong> sur Tremplin n’a pas
        été validée.
      </Text>
      <Text style={paragraph}>Motif : « {p.reason} »</Text>
      <Text style={paragraph}>
        Vous pouvez déposer une nouvelle demande en tenant compte de ce motif, ou répondre à ce
        message pour nous en dire plus.
      </Text>
    </EmailLayout>
  )
}

RegistrationRejected.PreviewProps = {
  headName: 'Claire Durand',
  establishmentName: 'Collège Jean Jaurès',
  reason:
    'L’adresse donnée n’est pas celle de l’établissement : écrivez-nous depuis votre adresse académique.',
} satisfies RegistrationRejectedProps
