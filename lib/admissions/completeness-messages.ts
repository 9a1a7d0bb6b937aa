import type { MissingItem } from './completeness'

// How a missing element is written for candidates (French), kept apart from the rule that
// finds it.

/** The sentence the application form shows next to its documents. */
export function missingItemSentence(item: MissingItem): string {
  return item.state === 'missing'
    ? `Pièce manquante : ${item.name}.`
    : `Pièce à remplacer : ${item.name}.`
}

/** What a reminder email lists under "À fournir". */
export function missingItemLabel(item: MissingItem): string {
  return item.name
}
