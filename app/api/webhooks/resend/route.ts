import { NextResponse } from 'next/server'
import { getDb } from '@/db'
import { handleResendEvent, verifyResendWebhook } from '@/lib/recommendations/bounces'

// Node.js, not edge: the event is handled in a Postgres transaction (pg).
export const runtime = 'nodejs'

// Resend's delivery events (bounces), signed by Svix. In Resend, point a webhook at
// /api/webhooks/resend with the email.bounced event and copy its secret to RESEND_WEBHOOK_SECRET.
export async function POST(request: Request) {
  const secret = process.env.RESEND_WEBHOOK_SECRET
  if (!secret) return NextResponse.json({ error: 'Webhook non configuré' }, { status: 503 })
  const raw = await request.text()
  const verified = verifyResendWebhook(raw, request.headers, secret)
  if (!verified.ok) {
    if (verified.reason === 'misconfigured')
      return NextResponse.json({ error: 'Webhook non configuré' }, { status: 503 })
    if (verified.reason === 'payload')
      return NextResponse.json({ error: 'Événement illisible' }, { status: 400 })
    return NextResponse.json({ error: 'Signature invalide' }, { status: 401 })
  }
  const result = await handleResendEvent(getDb(), verified.event)
  return NextResponse.json(result)
}
