import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type ConsentRequestProps = {
  studentName: string
  establishmentName: string
  className: string | null
  /** Who sends it, when known ("M. Garcia, professeur principal"). */
  sentBy: string | null
  url: string
  /** The last day the link works, in words. */
  expiresOn: string
  /** A reminder (automatic or the main teacher's "Relancer"). */
  reminder: boolean
}

export const consentRequestSubject = (p: ConsentRequestProps) =>
  `${p.reminder ? 'Rappel : ' : ''}autorisation parentale pour ${p.studentName} (Tremplin)`

export default function ConsentRequest(p: ConsentRequestProps) {
  return (
    <EmailLayout
      preview={`Autorisation parentale pour ${p.studentName}`}
      footer="Si vous n’êtes pas le représentant légal de cet élève, ignorez ce message et prévenez l’établissement."
    >
      <Text style={paragraph}>Madame, Monsieur,</Text>
      {p.reminder ? (
        <Text style={paragraph}>
          Nous n’avons pas encore reçu votre réponse à la demande ci-dessous.
        </Text>
      ) : null}
      <Text style={paragraph}>
        {p.sentBy ? `${p.sentBy}, de ` : 'L’équipe de '}
        <strong>{p.establishmentName}</strong> vous demande l’autorisation pour{' '}
        <strong>{p.studentName}</strong>
        {p.className ? ` (${p.className})` : ''} d’utiliser la plateforme Tremplin : sa page
        personnelle, la recherche et le suivi de ses stages. Sans autorisation d’un représentant
        légal, un élève mineur ne peut pas y accéder.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Lire et répondre
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        Ce lien concerne cet élève seulement et reste valable jusqu’au {p.expiresOn}. Vous pourrez
        retirer votre autorisation à tout moment par ce même lien.
      </Text>
      <Text style={{ ...paragraph, fontSize: 13, color: '#4b5563' }}>
        Si le bouton ne fonctionne pas, copiez cette adresse : {p.url}
      </Text>
    </EmailLayout>
  )
}

ConsentRequest.PreviewProps = {
  studentName: 'Lucas Martin',
  establishmentName: 'Collège Jean Jaurès',
  className: '3e B',
  sentBy: 'M. Garcia',
  url: 'http://localhost:3000/consentement/exemple',
  expiresOn: '1er janvier 2027',
  reminder: false,
} satisfies ConsentRequestProps
