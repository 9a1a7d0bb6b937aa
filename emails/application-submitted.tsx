import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type ApplicationSubmittedProps = {
  candidateName: string
  programmeName: string
  establishmentName: string
  recommenders: { name: string; position: string }[]
  deadline: string
  dashboardUrl: string
}

export const applicationSubmittedSubject = (p: ApplicationSubmittedProps) =>
  `Candidature déposée — ${p.programmeName}`

export default function ApplicationSubmitted(p: ApplicationSubmittedProps) {
  return (
    <EmailLayout preview={`Votre candidature en ${p.programmeName} est déposée`}>
      <Text style={paragraph}>Bonjour {p.candidateName},</Text>
      <Text style={paragraph}>
        Votre candidature en <strong>{p.programmeName}</strong> ({p.establishmentName}) est bien
        déposée.
      </Text>
      {p.recommenders.length > 0 ? (
        <>
          <Text style={paragraph}>Nous venons de demander un avis de poursuite d’études à :</Text>
          {p.recommenders.map((r) => (
            <Text key={`${r.name}-${r.position}`} style={{ ...paragraph, margin: '0 0 4px 16px' }}>
              • {r.name}, {r.position}
            </Text>
          ))}
          <Text style={{ ...paragraph, marginTop: 12 }}>
            Ils ont jusqu’au {p.deadline} pour répondre. Vous suivez chaque réponse depuis votre
            espace, sans en voir le contenu.
          </Text>
        </>
      ) : null}
      <Button href={p.dashboardUrl} style={buttonStyle}>
        Suivre ma candidature
      </Button>
    </EmailLayout>
  )
}

ApplicationSubmitted.PreviewProps = {
  candidateName: 'Léa Martin',
  programmeName: 'CPGE ATS Économie-Gestion',
  establishmentName: 'Lycée Ozenne',
  recommenders: [
    { name: 'Jean Dupont', position: 'Professeur d’économie' },
    { name: 'Anne Leroy', position: 'Professeure de gestion' },
  ],
  deadline: '15 avril 2027',
  dashboardUrl: 'http://localhost:3000/espace',
} satisfies ApplicationSubmittedProps
