import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type InvitationProps = {
  establishmentName: string
  /** The role in French ("Professeur principal", "Élève / candidat"…). */
  roleLabel: string
  /** Who invited, when known ("Mme Durand"). */
  invitedBy: string | null
  url: string
  /** The last day the link works, in words ("16 décembre 2026"). */
  expiresOn: string
}

export const invitationSubject = (p: InvitationProps) =>
  `Invitation à rejoindre ${p.establishmentName} sur Tremplin`

export default function Invitation({
  establishmentName,
  roleLabel,
  invitedBy,
  url,
  expiresOn,
}: InvitationProps) {
  return (
    <EmailLayout
      preview={`Invitation à rejoindre ${establishmentName} sur Tremplin`}
      footer="Si vous ne vous attendiez pas à cette invitation, ignorez ce message : sans ce lien, personne ne peut l’utiliser à votre place."
    >
      <Text style={paragraph}>Bonjour,</Text>
      <Text style={paragraph}>
        {invitedBy ? `${invitedBy} vous invite` : 'Vous êtes invité·e'} à rejoindre{' '}
        <strong>{establishmentName}</strong> sur Tremplin, avec le rôle : {roleLabel}.
      </Text>
      <Button href={url} style={buttonStyle}>
        Accepter l’invitation
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        Ce lien est personnel, ne sert qu’une fois et reste valable jusqu’au {expiresOn}.
      </Text>
      <Text style={{ ...paragraph, fontSize: 13, color: '#4b5563' }}>
        Si le bouton ne fonctionne pas, copiez cette adresse : {url}
      </Text>
    </EmailLayout>
  )
}

Invitation.PreviewProps = {
  establishmentName: 'Collège Jean Jaurès',
  roleLabel: 'Professeur principal',
  invitedBy: 'Mme Durand',
  url: 'http://localhost:3000/invitation/exemple',
  expiresOn: '16 décembre 2026',
} satisfies InvitationProps
