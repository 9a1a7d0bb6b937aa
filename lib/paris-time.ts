// Schools think in Paris time: a campaign "closes on 15 April" means 23:59:59 in Paris.
const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function parisOffsetMs(instant: number): number {
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  )
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** "2027-04-15" at a Paris wall-clock time → the UTC instant. */
export function parisDateToInstant(date: string, time: 'start' | 'end'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const naive =
    time === 'start' ? Date.UTC(y, m - 1, d, 0, 0, 0) : Date.UTC(y, m - 1, d, 23, 59, 59)
  const first = naive - parisOffsetMs(naive)
  return new Date(naive - parisOffsetMs(first))
}

/** The Paris calendar date of an instant, as "YYYY-MM-DD" (for date inputs). */
export function toParisDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}
