import type { ReactNode } from 'react'
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from 'react-email'

// Shared frame for every Tremplin email: plain, readable, no images, no tracking.
export function EmailLayout({
  preview,
  children,
  footer,
}: {
  preview: string
  children: ReactNode
  footer?: ReactNode
}) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        lang="fr"
        style={{
          backgroundColor: '#f4f5f7',
          fontFamily: 'Arial, Helvetica, sans-serif',
          color: '#1f2937',
          margin: 0,
        }}
      >
        <Container style={{ maxWidth: 560, margin: '0 auto', padding: '24px 16px' }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: '#1e3a8a', margin: '0 0 16px' }}>
            Tremplin
          </Text>
          <Section style={{ backgroundColor: '#ffffff', borderRadius: 8, padding: '24px' }}>
            {children}
          </Section>
          <Hr style={{ borderColor: '#e5e7eb', margin: '24px 0 12px' }} />
          <Text style={{ fontSize: 12, color: '#6b7280', margin: 0 }}>
            {footer ??
              'Vous recevez ce message parce qu’une action a été faite avec votre adresse sur Tremplin. Si vous n’êtes pas concerné, ignorez-le.'}
          </Text>
        </Container>
      </Body>
    </Html>
  )
}

export const paragraph = { fontSize: 15, lineHeight: '22px', margin: '0 0 12px' } as const
export const buttonStyle = {
  backgroundColor: '#1e40af',
  color: '#ffffff',
  borderRadius: 6,
  padding: '12px 20px',
  fontWeight: 700,
  fontSize: 15,
  textDecoration: 'none',
  display: 'inline-block',
} as const
