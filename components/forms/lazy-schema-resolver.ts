import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'

/**
 * The form's zod schema as a react-hook-form resolver, fetched only when needed: zod and the
 * phone rules (libphonenumber's metadata) weigh 80 kB compressed, more than half of a form's
 * first load on a phone. The form calls `preload` on the person's first focus, so the schema
 * is there by the time they submit; a submission before that waits for it. It is the same
 * schema the server action parses with; if it cannot be fetched (the connection dropped), the
 * form is sent as typed and the server's check answers, with the same messages.
 */
export function lazySchemaResolver<Values extends FieldValues>(
  loadSchema: () => Promise<z.ZodType<unknown, FieldValues>>,
): { resolver: Resolver<Values>; preload: () => void } {
  let loading: Promise<Resolver<Values>> | undefined
  const load = () =>
    (loading ??= loadSchema().then(
      (schema) => zodResolver(schema) as unknown as Resolver<Values>,
      (error: unknown) => {
        loading = undefined // the next attempt fetches again
        throw error
      },
    ))
  return {
    preload: () => void load().catch(() => {}),
    resolver: async (values, context, options) => {
      let resolve: Resolver<Values>
      try {
        resolve = await load()
      } catch {
        return { values, errors: {} }
      }
      return resolve(values, context, options)
    },
  }
}
