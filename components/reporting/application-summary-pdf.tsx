import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { formatDate, formatDateTime } from '@/lib/format'

const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 9.5, fontFamily: 'Helvetica', color: '#111827', lineHeight: 1.35 },
  brand: { fontSize: 8.5, color: '#1e3a8a' },
  title: { fontSize: 15, fontFamily: 'Helvetica-Bold', marginTop: 2 },
  subtitle: { fontSize: 10, color: '#374151', marginBottom: 10 },
  heading: {
    fontSize: 11,
    fontFamily: 'Helvetica-Bold',
    color: '#1e3a8a',
    marginTop: 10,
    marginBottom: 4,
  },
  row: {
    flexDirection: 'row',
    borderBottomWidth: 0.5,
    borderBottomColor: '#d1d5db',
    paddingVertical: 2,
  },
  label: { width: '38%', color: '#374151' },
  value: { width: '62%' },
  bold: { fontFamily: 'Helvetica-Bold' },
  small: { fontSize: 8, color: '#4b5563' },
  block: { marginBottom: 6 },
})

export type SummaryProps = {
  establishmentName: string
  programmeName: string
  campaignName: string
  status: string
  submittedAt: Date | null
  identity: [string, string][]
  studies: [string, string][]
  motivation: string
  documents: { name: string; file: string | null; status: string }[]
  recommendations: {
    recommender: string
    status: string
    opinion: string | null
    answers: { label: string; value: string }[]
    code: string | null
    phoneConfirmed: boolean | null
  }[]
  reviews: {
    reviewer: string
    mark: number | null
    completed: boolean
    scores: { label: string; value: string }[]
    comment: string | null
  }[]
  average: number | null
  spread: number | null
  decision: { outcome: string; motivation: string | null; publishedAt: Date | null } | null
  generatedAt: Date
}

function Pairs({ rows }: { rows: [string, string][] }) {
  return (
    <View>
      {rows.map(([label, value]) => (
        <View key={label} style={styles.row} wrap={false}>
          <Text style={styles.label}>{label}</Text>
          <Text style={styles.value}>{value || '—'}</Text>
        </View>
      ))}
    </View>
  )
}

// One application on paper for the commission: data, documents, recommendations, scores,
// decision. Text only: what people typed is printed as characters.
export function ApplicationSummaryPdf(p: SummaryProps) {
  const mark = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('fr-FR')} / 20`)
  return (
    <Document
      title={`Synthèse — ${p.identity.find(([l]) => l === 'Nom')?.[1] ?? ''}`}
      author={p.establishmentName}
      language="fr"
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.brand}>{p.establishmentName} — synthèse de candidature</Text>
        <Text style={styles.title}>
          {p.identity
            .filter(([l]) => l === 'Prénom' || l === 'Nom')
            .map(([, v]) => v)
            .join(' ')}
        </Text>
        <Text style={styles.subtitle}>
          {p.programmeName} · {p.campaignName} · {p.status}
          {p.submittedAt ? ` · déposée le ${formatDateTime(p.submittedAt)}` : ''}
        </Text>

        <Text style={styles.heading}>Candidat</Text>
        <Pairs rows={p.identity} />
        <Text style={styles.heading}>Études</Text>
        <Pairs rows={p.studies} />
        <Text style={styles.heading}>Lettre de motivation</Text>
        <Text>{p.motivation || '—'}</Text>

        <Text style={styles.heading}>Pièces justificatives</Text>
        {p.documents.length === 0 ? (
          <Text>Aucune pièce demandée.</Text>
        ) : (
          <Pairs
            rows={p.documents.map((d) => [d.name, `${d.status}${d.file ? ` — ${d.file}` : ''}`])}
          />
        )}

        <Text style={styles.heading}>Recommandations</Text>
        {p.recommendations.length === 0 ? <Text>Aucune recommandation demandée.</Text> : null}
        {p.recommendations.map((r, i) => (
          <View key={i} style={styles.block} wrap={false}>
            <Text style={styles.bold}>
              {r.recommender} — {r.status}
              {r.opinion ? ` — avis global : ${r.opinion}` : ''}
            </Text>
            {r.answers.map((a) => (
              <Text key={a.label}>
                {a.label} : {a.value || '—'}
              </Text>
            ))}
            {r.code ? (
              <Text style={styles.small}>
                Code de vérification {r.code} · téléphone{' '}
                {r.phoneConfirmed ? 'confirmé par SMS' : 'déclaré'}
              </Text>
            ) : null}
          </View>
        ))}

        <Text style={styles.heading}>Évaluation</Text>
        <Text>
          Moyenne : {mark(p.average)}
          {p.spread !== null
            ? ` · écart entre examinateurs : ${p.spread.toLocaleString('fr-FR')}`
            : ''}
        </Text>
        {p.reviews.map((r, i) => (
          <View key={i} style={styles.block} wrap={false}>
            <Text style={styles.bold}>
              {r.reviewer} — {r.completed ? mark(r.mark) : 'évaluation en cours'}
            </Text>
            <Text>{r.scores.map((s) => `${s.label} : ${s.value}`).join(' · ')}</Text>
            {r.comment ? <Text>« {r.comment} »</Text> : null}
          </View>
        ))}

        <Text style={styles.heading}>Décision</Text>
        <Text>
          {p.decision
            ? `${p.decision.outcome}${p.decision.motivation ? ` — ${p.decision.motivation}` : ''}${p.decision.publishedAt ? ` (publiée le ${formatDate(p.decision.publishedAt)})` : ' (saisie, non publiée)'}`
            : 'Aucune décision.'}
        </Text>

        <Text style={[styles.small, { marginTop: 14 }]} fixed>
          Document généré le {formatDateTime(p.generatedAt)} — confidentiel, réservé à la
          commission.
        </Text>
      </Page>
    </Document>
  )
}

export async function renderApplicationSummaryPdf(props: SummaryProps): Promise<Buffer> {
  const { renderToBuffer } = await import('@react-pdf/renderer')
  return renderToBuffer(<ApplicationSummaryPdf {...props} />)
}
