export type FieldErrors = Record<string, string[] | undefined>

/** A failure the person can act on, shown as the form's error (and next to fields). */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message)
    this.name = 'UserFacingError'
  }
}

export class AuthorizationError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(
      reason === 'signed-out'
        ? 'Vous devez être connecté.'
        : 'Vous n’avez pas les droits nécessaires pour cette action.',
    )
    this.name = 'AuthorizationError'
  }
}

/**
 * A token that opens nothing (unknown, expired, revoked, or its application withdrawn): the
 * caller answers with the same "lien invalide", whichever it was.
 */
export class InvalidLinkError extends Error {
  constructor() {
    super('Lien invalide')
    this.name = 'InvalidLinkError'
  }
}
