import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type DocumentRefusedProps = {
  candidateName: string
  documentName: string
  reason: string
  programmeName: string
  applicationUrl: string
}

export const documentRefusedSubject = (p: DocumentRefusedProps) =>
  `Pièce à remplacer : ${p.documentName}`

// Tells the candidate that a supporting document was refused, why, and where to replace it.
export default function DocumentRefused(p: DocumentRefusedProps) {
  return (
    <EmailLayout preview={`La pièce « ${p.documentName} » est à remplacer`}>
      <Text style={paragraph}>Bonjour {p.candidateName},</Text>
      <Text style={paragraph}>
        La pièce <strong>« {p.documentName} »</strong> de votre candidature en {p.programmeName} n’a
        pas été acceptée.
      </Text>
      <Text style={paragraph}>Motif : « {p.reason} »</Text>
      <Text style={paragraph}>
        Votre dossier reste incomplet tant que cette pièce n’est pas remplacée. Déposez un nouveau
        fichier depuis votre candidature :
      </Text>
      <Button href={p.applicationUrl} style={buttonStyle}>
        Remplacer la pièce
      </Button>
    </EmailLayout>
  )
}

DocumentRefused.PreviewProps = {
  candidateName: 'Léa Martin',
  documentName: 'Relevés de notes de BTS',
  reason: 'Le document est illisible : merci de le numériser à nouveau.',
  programmeName: 'CPGE ATS Économie-Gestion',
  applicationUrl: 'http://localhost:3000/espace',
} satisfies DocumentRefusedProps
