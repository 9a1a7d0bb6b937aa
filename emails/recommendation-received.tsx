import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type RecommendationReceivedProps = {
  candidateName: string
  recommenderName: string
  programmeName: string
  received: number
  required: number
  dashboardUrl: string
}

export const recommendationReceivedSubject = (p: RecommendationReceivedProps) =>
  `${p.recommenderName} a transmis son avis`

// Tells the candidate an opinion arrived — never what it says.
export default function RecommendationReceived(p: RecommendationReceivedProps) {
  return (
    <EmailLayout preview={`${p.recommenderName} a transmis son avis`}>
      <Text style={paragraph}>Bonjour {p.candidateName},</Text>
      <Text style={paragraph}>
        <strong>{p.recommenderName}</strong> a transmis son avis de poursuite d’études pour votre
        candidature en {p.programmeName}. Son contenu est confidentiel et n’est lu que par la
        commission.
      </Text>
      <Text style={paragraph}>
        Avis reçus : {p.received} sur {p.required}.
      </Text>
      <Button href={p.dashboardUrl} style={buttonStyle}>
        Suivre ma candidature
      </Button>
    </EmailLayout>
  )
}

RecommendationReceived.PreviewProps = {
  candidateName: 'Léa Martin',
  recommenderName: 'Jean Dupont',
  programmeName: 'CPGE ATS Économie-Gestion',
  received: 1,
  required: 2,
  dashboardUrl: 'http://localhost:3000/espace',
} satisfies RecommendationReceivedProps
