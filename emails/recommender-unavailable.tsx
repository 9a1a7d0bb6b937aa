import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type RecommenderUnavailableProps = {
  candidateName: string
  recommenderName: string
  recommenderEmail: string
  programmeName: string
  reason: 'declined' | 'bounced'
  declineReason?: string
  dashboardUrl: string
}

export const recommenderUnavailableSubject = (p: RecommenderUnavailableProps) =>
  p.reason === 'declined'
    ? `${p.recommenderName} ne pourra pas donner son avis`
    : `Adresse invalide pour ${p.recommenderName}`

// Asks the candidate to name someone else, after a refusal or an undeliverable address.
export default function RecommenderUnavailable(p: RecommenderUnavailableProps) {
  return (
    <EmailLayout preview="Désignez un autre recommandant">
      <Text style={paragraph}>Bonjour {p.candidateName},</Text>
      {p.reason === 'declined' ? (
        <>
          <Text style={paragraph}>
            <strong>{p.recommenderName}</strong> a décliné votre demande d’avis pour{' '}
            {p.programmeName}.
          </Text>
          {p.declineReason ? (
            <Text style={paragraph}>Motif indiqué : « {p.declineReason} »</Text>
          ) : null}
        </>
      ) : (
        <Text style={paragraph}>
          Notre message à <strong>{p.recommenderName}</strong> ({p.recommenderEmail}) n’a pas pu
          être distribué : l’adresse semble invalide.
        </Text>
      )}
      <Text style={paragraph}>
        Depuis votre espace, vous pouvez désigner une autre personne (ou corriger l’adresse) : elle
        recevra aussitôt sa propre demande.
      </Text>
      <Button href={p.dashboardUrl} style={buttonStyle}>
        Désigner un autre recommandant
      </Button>
    </EmailLayout>
  )
}

RecommenderUnavailable.PreviewProps = {
  candidateName: 'Léa Martin',
  recommenderName: 'Jean Dupont',
  recommenderEmail: 'jean.dupont@ac-toulouse.fr',
  programmeName: 'CPGE ATS Économie-Gestion',
  reason: 'declined',
  declineReason: 'Je n’ai pas eu cette étudiante en cours cette année.',
  dashboardUrl: 'http://localhost:3000/espace',
} satisfies RecommenderUnavailableProps
