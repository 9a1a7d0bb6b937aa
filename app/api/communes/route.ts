import { NextResponse } from 'next/server'
import { communesForPostcode, isPostcode } from '@/lib/establishments/communes'

// The communes a postcode serves, for the forms that pick a commune (registration, the
// establishment's settings). Public data from INSEE and La Poste: no account needed.
export function GET(request: Request) {
  const postcode = new URL(request.url).searchParams.get('codePostal') ?? ''
  if (!isPostcode(postcode))
    return NextResponse.json({ error: 'Code postal : 5 chiffres attendus.' }, { status: 400 })
  const communes = communesForPostcode(postcode).map((c) => ({
    name: c.name,
    code: c.code,
    departement: c.departement,
  }))
  return NextResponse.json({ communes }, { headers: { 'Cache-Control': 'public, max-age=86400' } })
}
