// The internship periods of a class: each inside the school year, start before end, and no
// two overlapping (a pupil cannot be in two internships at once).

export type PeriodInput = { label?: string | null; startsOn: string; endsOn: string }

const formatDay = (iso: string) => iso.split('-').reverse().join('/')

/** French reasons the periods cannot be saved, by index of the period ("_form" for the whole). */
export function periodProblems(
  periods: readonly PeriodInput[],
  year: { label: string; startsOn: string; endsOn: string },
): Map<number, string> {
  const problems = new Map<number, string>()
  periods.forEach((p, i) => {
    if (p.startsOn > p.endsOn)
      problems.set(i, 'La date de début doit précéder la date de fin (ou lui être égale).')
    else if (p.startsOn < year.startsOn || p.endsOn > year.endsOn)
      problems.set(
        i,
        `La période doit être comprise dans l’année scolaire ${year.label} (du ${formatDay(year.startsOn)} au ${formatDay(year.endsOn)}).`,
      )
  })
  const sorted = periods
    .map((p, i) => ({ ...p, i }))
    .filter((p) => !problems.has(p.i))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
  for (let k = 1; k < sorted.length; k++) {
    const previous = sorted[k - 1]!
    const current = sorted[k]!
    if (current.startsOn <= previous.endsOn)
      problems.set(
        current.i,
        `Cette période chevauche celle du ${formatDay(previous.startsOn)} au ${formatDay(previous.endsOn)}.`,
      )
  }
  return problems
}
