import { Text } from 'react-email'
import { EmailLayout, paragraph } from './components/layout'

export type RecommendationConfirmationProps = {
  recommenderName: string
  candidateName: string
  programmeName: string
  submittedAt: string
  opinion: string
  verificationCode: string
  verifyUrl: string
  phone: string
  phoneConfirmed: boolean
}

export const recommendationConfirmationSubject = (p: RecommendationConfirmationProps) =>
  `Votre avis pour ${p.candidateName} est bien reçu`

export default function RecommendationConfirmation(p: RecommendationConfirmationProps) {
  return (
    <EmailLayout
      preview={`Avis reçu — code ${p.verificationCode}`}
      footer="Vous n’avez pas rédigé cet avis ? Répondez à ce message ou signalez-le à l’établissement : il sera retiré du dossier."
    >
      <Text style={paragraph}>Bonjour {p.recommenderName},</Text>
      <Text style={paragraph}>
        Votre avis de poursuite d’études pour <strong>{p.candidateName}</strong> ({p.programmeName})
        a été enregistré le {p.submittedAt}. Merci.
      </Text>
      <Text style={paragraph}>Avis global : {p.opinion}</Text>
      <Text style={paragraph}>
        Téléphone {p.phoneConfirmed ? 'confirmé par SMS' : 'déclaré'} : {p.phone}
      </Text>
      <Text style={{ ...paragraph, fontSize: 18, fontWeight: 700, letterSpacing: 1 }}>
        Code de vérification : {p.verificationCode}
      </Text>
      <Text style={paragraph}>
        Toute personne peut vérifier l’authenticité de cet avis (sans en voir le contenu) à
        l’adresse : {p.verifyUrl}
      </Text>
    </EmailLayout>
  )
}

RecommendationConfirmation.PreviewProps = {
  recommenderName: 'Jean Dupont',
  candidateName: 'Léa Martin',
  programmeName: 'CPGE ATS Économie-Gestion',
  submittedAt: '02/03/2027 18:12',
  opinion: 'Très favorable',
  verificationCode: '7KQ2-M9XD-41TB',
  verifyUrl: 'http://localhost:3000/verifier/7KQ2-M9XD-41TB',
  phone: '+33 6 12 34 56 78',
  phoneConfirmed: false,
} satisfies RecommendationConfirmationProps
