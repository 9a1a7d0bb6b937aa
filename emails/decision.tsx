import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type DecisionProps = {
  subject: string
  /** The filled template, plain text; paragraphs separated by blank lines. */
  body: string
  spaceUrl: string
  hasLetter: boolean
}

export const decisionSubject = (p: DecisionProps) => p.subject

// The commission's decision, in the words of the campaign's editable template.
export default function Decision(p: DecisionProps) {
  return (
    <EmailLayout preview={p.subject}>
      {p.body.split(/\n{2,}/).map((block, i) => (
        <Text key={i} style={{ ...paragraph, whiteSpace: 'pre-line' }}>
          {block}
        </Text>
      ))}
      {p.hasLetter ? (
        <Text style={paragraph}>Vous trouverez la lettre de décision en pièce jointe (PDF).</Text>
      ) : null}
      <Button href={p.spaceUrl} style={buttonStyle}>
        Voir ma candidature
      </Button>
    </EmailLayout>
  )
}

Decision.PreviewProps = {
  subject: 'Décision d’admission — CPGE ATS Économie-Gestion',
  body: 'Bonjour Léa Martin,\n\nLa commission d’admission de Lycée Ozenne a examiné votre candidature en CPGE ATS Économie-Gestion.\n\nDécision : avis favorable.\n\nPour garder votre place, confirmez-la depuis votre espace avant le 10 juin 2027.',
  spaceUrl: 'http://localhost:3000/espace',
  hasLetter: true,
} satisfies DecisionProps
