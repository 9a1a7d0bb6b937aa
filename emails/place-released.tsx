import { Text } from 'react-email'
import { EmailLayout, paragraph } from './components/layout'

export type PlaceReleasedProps = {
  candidateName: string
  programmeName: string
  establishmentName: string
  deadline: string
}

export const placeReleasedSubject = (p: PlaceReleasedProps) =>
  `Votre place en ${p.programmeName} a été libérée`

// Tells a candidate who never answered that the place offered went to someone else.
export default function PlaceReleased(p: PlaceReleasedProps) {
  return (
    <EmailLayout preview="Désistement automatique">
      <Text style={paragraph}>Bonjour {p.candidateName},</Text>
      <Text style={paragraph}>
        Sans réponse de votre part avant le {p.deadline}, malgré notre rappel, votre place en{' '}
        <strong>{p.programmeName}</strong> à {p.establishmentName} a été libérée (désistement
        automatique).
      </Text>
      <Text style={paragraph}>
        Si vous pensez qu’il s’agit d’une erreur, contactez l’établissement au plus vite.
      </Text>
    </EmailLayout>
  )
}

PlaceReleased.PreviewProps = {
  candidateName: 'Léa',
  programmeName: 'CPGE ATS Économie-Gestion',
  establishmentName: 'Lycée Ozenne',
  deadline: '10 juin 2027',
} satisfies PlaceReleasedProps
