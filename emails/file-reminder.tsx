import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type FileReminderProps = {
  candidateName: string
  programmeName: string
  closesOn: string
  daysLeft: number
  draft: boolean
  missing: string[]
  url: string
}

export const fileReminderSubject = (p: FileReminderProps) =>
  `J-${p.daysLeft} : votre dossier ${p.programmeName} n’est pas complet`

// Reminds a candidate whose file is not complete, 7, 3 and 1 days before the campaign closes.
export default function FileReminder(p: FileReminderProps) {
  return (
    <EmailLayout
      preview={`Plus que ${p.daysLeft} jour${p.daysLeft > 1 ? 's' : ''} pour compléter votre dossier`}
    >
      <Text style={paragraph}>Bonjour {p.candidateName || ''},</Text>
      <Text style={paragraph}>
        Les candidatures en <strong>{p.programmeName}</strong> ferment le{' '}
        <strong>{p.closesOn}</strong>.{' '}
        {p.draft
          ? 'Votre dossier est encore un brouillon : il n’a pas été déposé.'
          : 'Votre dossier est incomplet.'}
      </Text>
      {p.missing.length > 0 ? (
        <Text style={paragraph}>À fournir : {p.missing.join(' ; ')}</Text>
      ) : null}
      <Button href={p.url} style={buttonStyle}>
        {p.draft ? 'Terminer mon dossier' : 'Compléter mon dossier'}
      </Button>
    </EmailLayout>
  )
}

FileReminder.PreviewProps = {
  candidateName: 'Léa',
  programmeName: 'CPGE ATS Économie-Gestion',
  closesOn: '15 mars 2027',
  daysLeft: 3,
  draft: true,
  missing: ['Relevés de notes post-bac', 'Pièce d’identité'],
  url: 'http://localhost:3000/candidature/x',
} satisfies FileReminderProps
