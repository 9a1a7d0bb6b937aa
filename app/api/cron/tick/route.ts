import { NextResponse } from 'next/server'
import { getDb } from '@/db'
import { isAuthorizedCronRequest } from '@/lib/jobs/cron-auth'
import { jobs } from '@/lib/jobs/registry'
import { runTick, tickFailed } from '@/lib/jobs/tick'
import { configuredTransport } from '@/lib/mail/transports'

// For hosts that prefer an external cron to the in-process scheduler. Every job's outcome is
// in the body; a failed job makes it a 500, so the cron notices.
export async function POST(request: Request) {
  if (!isAuthorizedCronRequest(request.headers.get('authorization'), process.env.CRON_SECRET)) {
    return NextResponse.json({ error: 'Non autorisé' }, { status: 401 })
  }
  const result = await runTick(getDb(), jobs, { transport: configuredTransport() })
  return NextResponse.json(result, { status: tickFailed(result) ? 500 : 200 })
}
