import type { RecommendationDocument } from '@/lib/admissions/recommendation-download'
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { formatDateTime } from '@/lib/format'
import { opinionLabel, scaleLabel } from '@/lib/recommendations/scales'

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10.5, fontFamily: 'Helvetica', color: '#111827', lineHeight: 1.4 },
  brand: { fontSize: 9, color: '#1e3a8a', marginBottom: 4 },
  title: { fontSize: 16, fontFamily: 'Helvetica-Bold', marginBottom: 2 },
  subtitle: { fontSize: 11, color: '#374151', marginBottom: 14 },
  section: { marginBottom: 12 },
  heading: { fontSize: 11.5, fontFamily: 'Helvetica-Bold', marginBottom: 6, color: '#1e3a8a' },
  row: {
    flexDirection: 'row',
    borderBottomWidth: 0.5,
    borderBottomColor: '#d1d5db',
    paddingVertical: 3,
  },
  cellLabel: { width: '60%' },
  cellValue: { width: '40%', fontFamily: 'Helvetica-Bold' },
  label: { fontFamily: 'Helvetica-Bold', marginBottom: 2 },
  box: { borderWidth: 1, borderColor: '#1e3a8a', padding: 10, marginTop: 6 },
  code: { fontSize: 14, fontFamily: 'Helvetica-Bold', letterSpacing: 1 },
  small: { fontSize: 8.5, color: '#4b5563' },
})

// What it prints is what the download loads, one type for both.
export type RecommendationPdfProps = RecommendationDocument

// Text only: whatever a recommender typed (HTML included) is printed as plain characters.
export function RecommendationPdf(p: RecommendationPdfProps) {
  const scales = p.answers.filter((a) => a.kind === 'scale')
  const texts = p.answers.filter((a) => a.kind === 'text')
  return (
    <Document
      title={`Avis de poursuite d’études — ${p.candidateName}`}
      author={p.recommender.name}
      language="fr"
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>Tremplin · {p.establishmentName}</Text>
        <Text style={styles.title}>Avis de poursuite d’études</Text>
        <Text style={styles.subtitle}>
          {p.candidateName} — {p.programmeName}
        </Text>
        <View style={styles.section}>
          <Text style={styles.heading}>Recommandant</Text>
          <Text>
            {p.recommender.name}, {p.recommender.position}
          </Text>
          <Text>{p.recommender.email}</Text>
          <Text>Transmis le {formatDateTime(p.submittedAt)}</Text>
        </View>
        <View style={styles.section}>
          <Text style={styles.heading}>Évaluation</Text>
          {scales.map((a) => (
            <View key={a.questionId} style={styles.row}>
              <Text style={styles.cellLabel}>{a.label}</Text>
              <Text style={styles.cellValue}>{scaleLabel(a.value)}</Text>
            </View>
          ))}
          <View style={styles.row}>
            <Text style={styles.cellLabel}>Avis global</Text>
            <Text style={styles.cellValue}>{opinionLabel(p.opinion)}</Text>
          </View>
        </View>
        {texts.map((a) => (
          <View key={a.questionId} style={styles.section} wrap>
            <Text style={styles.label}>{a.label}</Text>
            <Text>{a.value || '—'}</Text>
          </View>
        ))}
        <View style={styles.box} wrap={false}>
          <Text style={styles.label}>Authenticité</Text>
          <Text>
            Téléphone {p.phoneConfirmed ? 'confirmé par SMS' : 'déclaré'} : {p.phone}
          </Text>
          <Text style={styles.code}>Code de vérification : {p.verificationCode}</Text>
          <Text>Vérifiable sur {p.verifyUrl}</Text>
          <Text style={styles.small}>Empreinte SHA-256 du contenu : {p.contentHash}</Text>
        </View>
      </Page>
    </Document>
  )
}
