/**
 * The establishment a session works in: the one chosen (kept on the session row) while the
 * person is still a member there, else the first of their memberships (sorted by name).
 */
export function activeEstablishmentOf(
  memberships: readonly { establishmentId: string }[],
  chosen: string | null | undefined,
): string | null {
  if (chosen && memberships.some((m) => m.establishmentId === chosen)) return chosen
  return memberships[0]?.establishmentId ?? null
}

/** The distinct establishments of a person's memberships, in order, for the switcher. */
export function establishmentsOf<M extends { establishmentId: string; establishmentName: string }>(
  memberships: readonly M[],
) {
  const seen = new Map<string, { id: string; name: string }>()
  for (const m of memberships)
    if (!seen.has(m.establishmentId))
      seen.set(m.establishmentId, { id: m.establishmentId, name: m.establishmentName })
  return [...seen.values()]
}
