import type { z } from 'zod'
import { db } from '@/db'
import { AuthorizationError, InvalidLinkError, UserFacingError } from '@/lib/errors'
import { fieldErrorsOf, runAction, type ActionResult } from './action'
import type { Permission } from './permissions'
import { platformAdminActor } from './platform'
import { recordRefusal } from './refusals'
import { currentSessionToken, getViewer, pendingSecondFactorNow } from './session'
import { staffContextOf, type StaffContext } from './staff-context'
import { studentContextOf, type StudentAccess } from '@/lib/school/student-access'

// The one way to write a server action: a client resolves who acts (session, establishment,
// permission, or the link's token), then parses the input with the form's schema, then runs
// the body; known failures become the same French ActionResult everywhere. Authorization
// comes first: a caller without the right learns nothing about what the form expects (link
// actions excepted: the link is looked up when first needed, often by the lib itself inside
// its transaction, so that one lookup serves).

/** A form's schema, or one built once the context is known (questions of the campaign…). */
type SchemaOf<C, S extends z.ZodType> = S | ((context: C) => S | Promise<S>)

export type CandidateContext = { user: { id: string; email: string; name: string | null } }

/** What a link-authorized action knows: the token, and what it opens (looked up once, when asked). */
export type LinkContext<L> = { token: string; link: () => Promise<L> }

const formInput = (input: unknown) =>
  input instanceof FormData ? Object.fromEntries(input) : input

async function parsed<C, S extends z.ZodType>(
  schema: SchemaOf<C, S>,
  context: C,
  input: unknown,
): Promise<z.output<S>> {
  const resolved = typeof schema === 'function' ? await schema(context) : schema
  const result = resolved.safeParse(formInput(input))
  if (!result.success)
    throw new UserFacingError('Certains champs sont à corriger.', fieldErrorsOf(result.error))
  return result.data
}

const invalidLink = {
  ok: false,
  fieldErrors: {},
  formError: 'Ce lien n’est plus valide : la demande a expiré ou a été retirée.',
} as const

async function signedIn(): Promise<CandidateContext> {
  const viewer = await getViewer()
  if (!viewer) throw new AuthorizationError('signed-out')
  return { user: viewer.user }
}

/** The staff context for an action; a signed-in person without the right is refused on record. */
async function staffContextForAction(permission: Permission): Promise<StaffContext> {
  const viewer = await getViewer()
  try {
    return staffContextOf(viewer, permission)
  } catch (error) {
    if (viewer && error instanceof AuthorizationError)
      await recordRefusal(viewer, { permission, via: 'action' })
    throw error
  }
}

/** Staff of the current establishment holding `permission`; the body gets the actor and scope. */
export function staffAction<S extends z.ZodType, T = undefined>(
  permission: Permission,
  schema: SchemaOf<StaffContext, S>,
  fn: (input: z.output<S>, context: StaffContext) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => {
      const context = await staffContextForAction(permission)
      return fn(await parsed(schema, context, input), context)
    })
}

/** Any signed-in person acting on their own things (the lib checks ownership in its WHERE). */
export function candidateAction<S extends z.ZodType, T = undefined>(
  schema: SchemaOf<CandidateContext, S>,
  fn: (input: z.output<S>, context: CandidateContext) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => {
      const context = await signedIn()
      return fn(await parsed(schema, context, input), context)
    })
}

/**
 * A signed-in person's action on one thing named outside the form (the campaign of the
 * application form): called as `action(key, input)`; `load` refuses an unknown key with a
 * UserFacingError, and the schema may depend on what it loaded.
 */
export function candidateActionOn<R, S extends z.ZodType, T = undefined>(
  load: (key: string) => Promise<R>,
  schema: SchemaOf<CandidateContext & { resource: R }, S>,
  fn: (input: z.output<S>, context: CandidateContext & { resource: R }) => Promise<T>,
) {
  return async (key: string, input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => {
      const context = { ...(await signedIn()), resource: await load(String(key)) }
      return fn(await parsed(schema, context, input), context)
    })
}

/** A platform operator (users.platform_admin): creating establishments, deciding on registrations. */
export function platformAction<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (input: z.output<S>, context: { user: { id: string; email: string } }) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => {
      const context = { user: await platformAdminActor() }
      return fn(await parsed(schema, context, input), context)
    })
}

/** A session between the emailed link and the second factor: who it is, and its token. */
export type SecondFactorContext = { userId: string; email: string; sessionToken: string }

/**
 * The code page's action (/connexion/code): only a session that waits for its second factor,
 * which every other client refuses (getViewer is null for it).
 */
export function secondFactorAction<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (input: z.output<S>, context: SecondFactorContext) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => {
      const pending = await pendingSecondFactorNow()
      const sessionToken = await currentSessionToken()
      if (!pending || !sessionToken) throw new AuthorizationError('signed-out')
      return fn(await parsed(schema, {}, input), { ...pending, sessionToken })
    })
}

export type StudentContext = StudentAccess & { user: CandidateContext['user'] }

/**
 * A student acting on their own things: a student record in the current establishment, and
 * for a minor a parental consent in force (checked on every call; refused with the French
 * explanation otherwise). Student features use this, never candidateAction.
 */
export function studentAction<S extends z.ZodType, T = undefined>(
  schema: SchemaOf<StudentContext, S>,
  fn: (input: z.output<S>, context: StudentContext) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => {
      const viewer = await getViewer()
      const context = { ...(await studentContextOf(db, viewer)), user: viewer!.user }
      return fn(await parsed(schema, context, input), context)
    })
}

/** Anyone at all (asking for a sign-in link): only the input is checked. */
export function publicAction<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (input: z.output<S>) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> =>
    runAction(async () => fn(await parsed(schema, {}, input)))
}

/**
 * The client for pages opened by an emailed link instead of an account: the token is the
 * authorization, checked on every call. `resolve` gives what the token opens, or null; an
 * unknown, expired or revoked link (or an InvalidLinkError from the lib) always gets the same
 * answer. Actions are called as `action(token, input)`.
 */
export function linkActionClient<L>(resolve: (token: string) => Promise<L | null>) {
  return function linkAction<S extends z.ZodType, T = undefined>(
    schema: SchemaOf<LinkContext<L>, S>,
    fn: (input: z.output<S>, context: LinkContext<L>) => Promise<T>,
  ) {
    return async (token: string, input: unknown): Promise<ActionResult<T>> => {
      let found: Promise<L> | undefined
      const context: LinkContext<L> = {
        token: String(token),
        link: () =>
          (found ??= resolve(String(token)).then((link) => {
            if (!link) throw new InvalidLinkError()
            return link
          })),
      }
      try {
        return await runAction(async () => fn(await parsed(schema, context, input), context))
      } catch (error) {
        if (error instanceof InvalidLinkError) return invalidLink
        throw error
      }
    }
  }
}
