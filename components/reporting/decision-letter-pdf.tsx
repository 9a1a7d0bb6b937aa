import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { formatDate } from '@/lib/format'

const styles = StyleSheet.create({
  page: { padding: 56, fontSize: 11, fontFamily: 'Helvetica', color: '#111827', lineHeight: 1.5 },
  sender: { fontSize: 12, fontFamily: 'Helvetica-Bold', color: '#1e3a8a' },
  small: { fontSize: 9.5, color: '#4b5563' },
  recipient: { marginTop: 28, marginLeft: 260 },
  date: { marginTop: 24, marginLeft: 260 },
  subject: { marginTop: 28, fontFamily: 'Helvetica-Bold' },
  paragraph: { marginTop: 10 },
})

export type DecisionLetterProps = {
  establishmentName: string
  establishmentCity: string
  candidateName: string
  addressLines: string[]
  date: Date
  subject: string
  body: string
  reference: string
}

// The decision letter joined to the decision email: the same words, printable and signed by
// the commission. Text only (typed HTML is printed as characters).
export function DecisionLetterPdf(p: DecisionLetterProps) {
  return (
    <Document title={p.subject} author={p.establishmentName} language="fr">
      <Page size="A4" style={styles.page}>
        <View>
          <Text style={styles.sender}>{p.establishmentName}</Text>
          <Text style={styles.small}>{p.establishmentCity} — Commission d’admission</Text>
        </View>
        <View style={styles.recipient}>
          <Text>{p.candidateName}</Text>
          {p.addressLines.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </View>
        <Text style={styles.date}>
          {p.establishmentCity}, le {formatDate(p.date)}
        </Text>
        <Text style={styles.subject}>Objet : {p.subject}</Text>
        {p.body.split(/\n{2,}/).map((paragraph, i) => (
          <Text key={i} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}
        <Text style={[styles.small, { marginTop: 32 }]}>Référence : {p.reference}</Text>
      </Page>
    </Document>
  )
}

/** The letter as PDF bytes (for email attachments and downloads). */
export async function renderDecisionLetterPdf(props: DecisionLetterProps): Promise<Buffer> {
  const { renderToBuffer } = await import('@react-pdf/renderer')
  return renderToBuffer(<DecisionLetterPdf {...props} />)
}
