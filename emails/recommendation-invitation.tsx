import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type RecommendationInvitationProps = {
  recommenderName: string
  candidateName: string
  programmeName: string
  establishmentName: string
  deadline: string
  url: string
  questionCount: number
  reminder?: { daysLeft: number }
}

export const recommendationInvitationSubject = (p: RecommendationInvitationProps) =>
  p.reminder
    ? `Rappel : avis de poursuite d’études pour ${p.candidateName} (J-${p.reminder.daysLeft})`
    : `Demande d’avis de poursuite d’études pour ${p.candidateName}`

export default function RecommendationInvitation(p: RecommendationInvitationProps) {
  return (
    <EmailLayout
      preview={`${p.candidateName} vous demande un avis pour ${p.programmeName}`}
      footer="Ce lien est personnel : il ouvre uniquement le formulaire de cette recommandation. Ne le transférez pas. Si vous ne connaissez pas ce candidat, ouvrez le lien et déclinez la demande."
    >
      <Text style={paragraph}>Bonjour {p.recommenderName},</Text>
      {p.reminder ? (
        <Text style={paragraph}>
          Il reste{' '}
          <strong>
            {p.reminder.daysLeft} jour{p.reminder.daysLeft > 1 ? 's' : ''}
          </strong>{' '}
          pour transmettre votre avis sur la candidature de {p.candidateName}.
        </Text>
      ) : null}
      <Text style={paragraph}>
        <strong>{p.candidateName}</strong> candidate en <strong>{p.programmeName}</strong> au{' '}
        {p.establishmentName} et vous a désigné(e) pour donner un avis de poursuite d’études.
      </Text>
      <Text style={paragraph}>
        Le formulaire compte {p.questionCount} rubriques (appréciations rédigées et évaluations à
        cocher) et un avis global ; comptez une dizaine de minutes. Votre numéro de téléphone vous
        sera demandé pour authentifier votre avis. Votre saisie est enregistrée au fur et à mesure.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Donner mon avis
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        Date limite : <strong>{p.deadline}</strong>. Le candidat est prévenu lorsque votre avis est
        reçu, mais n’en voit jamais le contenu.
      </Text>
      <Text style={{ ...paragraph, fontSize: 13, color: '#4b5563' }}>
        Si le bouton ne fonctionne pas, copiez cette adresse : {p.url}
      </Text>
    </EmailLayout>
  )
}

RecommendationInvitation.PreviewProps = {
  recommenderName: 'Jean Dupont',
  candidateName: 'Léa Martin',
  programmeName: 'CPGE ATS Économie-Gestion',
  establishmentName: 'Lycée Ozenne',
  deadline: '15 avril 2027',
  url: 'http://localhost:3000/recommandation/exemple',
  questionCount: 7,
} satisfies RecommendationInvitationProps
