import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type SignInLinkProps = { url: string; host: string; expiresInMinutes: number }

export const signInLinkSubject = () => 'Votre lien de connexion à Tremplin'

export default function SignInLink({ url, host, expiresInMinutes }: SignInLinkProps) {
  return (
    <EmailLayout
      preview="Votre lien de connexion à Tremplin"
      footer={`Si vous n’avez pas demandé à vous connecter à ${host}, ignorez ce message : personne ne pourra se connecter sans ce lien.`}
    >
      <Text style={paragraph}>Bonjour,</Text>
      <Text style={paragraph}>
        Pour vous connecter à Tremplin, ouvrez le lien ci-dessous puis confirmez la connexion.
      </Text>
      <Button href={url} style={buttonStyle}>
        Se connecter
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        Ce lien est valable {expiresInMinutes} minutes et ne sert qu’une fois.
      </Text>
      <Text style={{ ...paragraph, fontSize: 13, color: '#4b5563' }}>
        Si le bouton ne fonctionne pas, copiez cette adresse : {url}
      </Text>
    </EmailLayout>
  )
}

SignInLink.PreviewProps = {
  url: 'http://localhost:3000/connexion/confirmer?token=exemple&email=candidat%40exemple.fr',
  host: 'localhost:3000',
  expiresInMinutes: 30,
} satisfies SignInLinkProps
