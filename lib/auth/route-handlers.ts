import { NextResponse } from 'next/server'
import { AuthorizationError, UserFacingError } from '@/lib/errors'
import type { Permission } from './permissions'
import { recordRefusal } from './refusals'
import { getViewer, type Viewer } from './session'
import { staffContextOf, staffContextOrNull, type StaffContext } from './staff-context'

// The one way to write a route handler that needs a person: the wrapper resolves the session,
// the establishment and the permission once, and answers failures with the same statuses
// everywhere: 401 signed out, 403 without the right, 400 for a request the person can fix.
// Handlers answer 404 themselves (`notFound()`): for what exists but is not theirs too.

type RouteArguments<P> = { params: Promise<P> }

/** How a route words its JSON errors (the upload route's client reads `{ ok, message }`). */
type ErrorBody = (message: string) => Record<string, unknown>
const defaultBody: ErrorBody = (message) => ({ error: message })

export const errorResponse = (status: number, message: string, body: ErrorBody = defaultBody) =>
  NextResponse.json(body(message), { status })

/** The same 404 for what does not exist and what the person may not see. */
export const notFound = (message = 'Introuvable.', body: ErrorBody = defaultBody) =>
  errorResponse(404, message, body)

function failure(error: unknown, body: ErrorBody, signedOutMessage?: string) {
  if (error instanceof AuthorizationError)
    return error.reason === 'signed-out'
      ? errorResponse(401, signedOutMessage ?? error.message, body)
      : errorResponse(403, error.message, body)
  if (error instanceof UserFacingError) return errorResponse(400, error.message, body)
  throw error
}

async function answer(run: () => Promise<Response>, body: ErrorBody, signedOutMessage?: string) {
  try {
    return await run()
  } catch (error) {
    return failure(error, body, signedOutMessage)
  }
}

/** Staff of the current establishment holding `permission`. */
export function withStaff<P = object>(
  permission: Permission,
  handler: (request: Request, context: StaffContext & { params: P }) => Promise<Response>,
) {
  return (request: Request, route?: RouteArguments<P>) =>
    answer(async () => {
      const viewer = await getViewer()
      let context: StaffContext
      try {
        context = staffContextOf(viewer, permission)
      } catch (error) {
        if (viewer && error instanceof AuthorizationError)
          await recordRefusal(viewer, { permission, via: 'route' })
        throw error
      }
      return handler(request, { ...context, params: (await route?.params) as P })
    }, defaultBody)
}

export type ViewerContext<P> = {
  viewer: Viewer
  params: P
  /** The staff context when the person holds `permission` in their current establishment, else null. */
  staff: (permission: Permission) => StaffContext | null
}

/**
 * Any signed-in person: routes serving both a candidate's own things and the staff who may
 * see them (documents, decision letters). `options` words the route's own errors.
 */
export function withViewer<P = object>(
  handler: (request: Request, context: ViewerContext<P>) => Promise<Response>,
  options: { errorBody?: ErrorBody; signedOutMessage?: string } = {},
) {
  const body = options.errorBody ?? defaultBody
  return (request: Request, route?: RouteArguments<P>) =>
    answer(
      async () => {
        const viewer = await getViewer()
        if (!viewer) throw new AuthorizationError('signed-out')
        return handler(request, {
          viewer,
          params: (await route?.params) as P,
          staff: (permission) => staffContextOrNull(viewer, permission),
        })
      },
      body,
      options.signedOutMessage,
    )
}
