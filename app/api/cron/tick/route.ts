import { NextResponse } from 'next/server'
import { getDb } from '@/db'
import { isAuthorizedCronRequest } from '@/lib/jobs/cron-auth'
import { runTick } from '@/lib/jobs/tick'

// For hosts that prefer an external cron to the in-process scheduler.
export async function POST(request: Request) {
  if (!isAuthorizedCronRequest(request.headers.get('authorization'), process.env.CRON_SECRET)) {
    return NextResponse.json({ error: 'Non autorisé' }, { status: 401 })
  }
  const result = await runTick(getDb())
  return NextResponse.json(result)
}
