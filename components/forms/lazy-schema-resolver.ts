import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'

/**
 * The form's zod schema as a react-hook-form resolver, fetched only when needed: zod weighs
 * 32 kB compressed, and with the phone rules (libphonenumber's metadata) 80 kB, as much as
 * half of what a public form's first load would otherwise be on a phone. The form calls
 * `preload` on the person's first focus, so the schema is there by the time they submit; a
 * submission before that waits for it. It is the same schema the server action parses with;
 * if it cannot be fetched (the connection dropped), the form is sent as typed and the
 * server's check answers, with the same messages.
 */
export function lazySchemaResolver<Values extends FieldValues, Parsed = Values>(
  loadSchema: () => Promise<z.ZodType<unknown, FieldValues>>,
): { resolver: Resolver<Values, unknown, Parsed>; preload: () => void } {
  type SchemaResolver = Resolver<Values, unknown, Parsed>
  let loading: Promise<SchemaResolver> | undefined
  const load = () =>
    (loading ??= loadSchema().then(
      (schema) => zodResolver(schema) as unknown as SchemaResolver,
      (error: unknown) => {
        loading = undefined // the next attempt fetches again
        throw error
      },
    ))
  return {
    preload: () => void load().catch(() => {}),
    resolver: async (values, context, options) => {
      let resolve: SchemaResolver
      try {
        resolve = await load()
      } catch {
        return { values: values as unknown as Parsed, errors: {} }
      }
      return resolve(values, context, options)
    },
  }
}
