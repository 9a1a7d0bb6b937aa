import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type ReviewerReminderProps = { reviewerName: string; pending: number; url: string }

export const reviewerReminderSubject = (p: ReviewerReminderProps) =>
  `${p.pending} dossier${p.pending > 1 ? 's' : ''} à évaluer`

// A nudge to a reviewer whose files have waited three days for a score (once per file).
export default function ReviewerReminder(p: ReviewerReminderProps) {
  return (
    <EmailLayout preview="Des dossiers attendent votre évaluation">
      <Text style={paragraph}>Bonjour {p.reviewerName},</Text>
      <Text style={paragraph}>
        {p.pending} dossier{p.pending > 1 ? 's' : ''} qui vous{' '}
        {p.pending > 1 ? 'sont confiés attendent' : 'est confié attend'} encore votre évaluation.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Évaluer mes dossiers
      </Button>
    </EmailLayout>
  )
}

ReviewerReminder.PreviewProps = {
  reviewerName: 'Sophie',
  pending: 4,
  url: 'http://localhost:3000/equipe/examen',
} satisfies ReviewerReminderProps
