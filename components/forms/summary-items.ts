import type { FieldErrors as FormErrors } from 'react-hook-form'

/** One line of an error summary: the message, and the field (its name, also its element id) it links to. */
export type SummaryItem = { name: string; message: string }

type ErrorNode = { message?: unknown; type?: unknown; ref?: unknown; root?: ErrorNode } & Record<
  string,
  unknown
>

function isLeaf(node: ErrorNode) {
  return typeof node.message === 'string' && node.message !== ''
}

/**
 * Flattens react-hook-form's nested errors into one line per field, named by its path
 * ("recommenders.0.email", "answers.<question id>"), the same string the forms use as the
 * control's id. The form-wide error ("root") is left out: the summary shows it as its lead.
 */
export function summaryItems(errors: FormErrors | undefined): SummaryItem[] {
  const items: SummaryItem[] = []
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return
    const error = node as ErrorNode
    if (isLeaf(error)) {
      // A server error with several messages (e.g. each missing document) keeps them all in `types`.
      const several =
        error.type === 'server' && error.types && typeof error.types === 'object'
          ? Object.values(error.types).filter((m): m is string => typeof m === 'string' && m !== '')
          : []
      for (const message of several.length > 0 ? several : [error.message as string])
        items.push({ name: path.join('.'), message })
      return
    }
    // An array's own error ("give two recommenders") sits on `root`.
    if (error.root && isLeaf(error.root))
      items.push({ name: path.join('.'), message: error.root.message as string })
    for (const [key, child] of Object.entries(error)) {
      if (key === 'root' || key === 'ref' || key === 'type' || key === 'message' || key === 'types')
        continue
      walk(child, [...path, key])
    }
  }
  for (const [key, child] of Object.entries(errors ?? {})) {
    if (key === 'root') continue
    walk(child, [key])
  }
  return items
}

/** The page title while errors are shown (GOV.UK: the title starts with "Error: "). */
export const ERROR_TITLE_PREFIX = 'Erreur : '

export function titleWithError(title: string): string {
  return title.startsWith(ERROR_TITLE_PREFIX) ? title : ERROR_TITLE_PREFIX + title
}

export function titleWithoutError(title: string): string {
  return title.startsWith(ERROR_TITLE_PREFIX) ? title.slice(ERROR_TITLE_PREFIX.length) : title
}
