import { Button, Text } from 'react-email'
import { EmailLayout, buttonStyle, paragraph } from './components/layout'

export type ConsentReceiptProps = {
  guardianName: string
  /** "Mère", "Tuteur ou tutrice légal(e)"… */
  relationship: string
  studentName: string
  establishmentName: string
  /** The exact words agreed to. */
  statement: string
  /** When, in words ("02/12/2026 14:05"). */
  grantedAt: string
  /** The same link: it lets the representative withdraw. */
  url: string
}

export const consentReceiptSubject = (p: ConsentReceiptProps) =>
  `Accusé de réception : autorisation parentale pour ${p.studentName}`

export default function ConsentReceipt(p: ConsentReceiptProps) {
  return (
    <EmailLayout
      preview={`Votre autorisation pour ${p.studentName} est enregistrée`}
      footer="Ce message est un accusé de réception : gardez-le, il contient le lien pour retirer votre autorisation."
    >
      <Text style={paragraph}>Madame, Monsieur,</Text>
      <Text style={paragraph}>
        {p.establishmentName} a bien reçu votre autorisation, le {p.grantedAt}, au nom de{' '}
        <strong>{p.guardianName}</strong> ({p.relationship}) :
      </Text>
      <Text style={{ ...paragraph, fontStyle: 'italic' }}>« {p.statement} »</Text>
      <Text style={paragraph}>
        {p.studentName} peut désormais utiliser les services élèves de Tremplin. Vous pouvez retirer
        cette autorisation à tout moment :
      </Text>
      <Button href={p.url} style={buttonStyle}>
        Voir ou retirer mon autorisation
      </Button>
      <Text style={{ ...paragraph, fontSize: 13, color: '#4b5563', marginTop: 16 }}>
        Si le bouton ne fonctionne pas, copiez cette adresse : {p.url}
      </Text>
    </EmailLayout>
  )
}

ConsentReceipt.PreviewProps = {
  guardianName: 'Claire Martin',
  relationship: 'Mère',
  studentName: 'Lucas Martin',
  establishmentName: 'Collège Jean Jaurès',
  statement: 'J’autorise Lucas Martin, élève de Collège Jean Jaurès, à utiliser…',
  grantedAt: '02/12/2026 14:05',
  url: 'http://localhost:3000/consentement/exemple',
} satisfies ConsentReceiptProps
