import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type DecisionReminderProps = {
  candidateName: string
  programmeName: string
  establishmentName: string
  deadline: string
  url: string
}

export const decisionReminderSubject = (p: DecisionReminderProps) =>
  `Rappel : confirmez votre place en ${p.programmeName} avant le ${p.deadline}`

// Reminds an admitted candidate who has not answered; without an answer the place is released.
export default function DecisionReminder(p: DecisionReminderProps) {
  return (
    <EmailLayout preview="Votre place vous attend : confirmez-la">
      <Text style={paragraph}>Bonjour {p.candidateName},</Text>
      <Text style={paragraph}>
        {p.establishmentName} vous a proposé une place en <strong>{p.programmeName}</strong>. Vous
        n’avez pas encore répondu.
      </Text>
      <Text style={paragraph}>
        Confirmez-la ou refusez-la avant le <strong>{p.deadline}</strong> : sans réponse, la place
        sera proposée au candidat suivant sur la liste d’attente.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Répondre
      </Button>
    </EmailLayout>
  )
}

DecisionReminder.PreviewProps = {
  candidateName: 'Léa',
  programmeName: 'CPGE ATS Économie-Gestion',
  establishmentName: 'Lycée Ozenne',
  deadline: '10 juin 2027',
  url: 'http://localhost:3000/espace',
} satisfies DecisionReminderProps
