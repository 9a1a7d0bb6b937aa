import type { ResolverOptions } from 'react-hook-form'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { lazySchemaResolver } from './lazy-schema-resolver'

type Values = { phone: string }
const schema = z.object({ phone: z.string().trim().min(3, 'Téléphone : trop court.') })
const options: ResolverOptions<Values> = {
  fields: {},
  names: ['phone'],
  shouldUseNativeValidation: false,
}

describe('a form schema fetched when needed', () => {
  it('makes a submission that comes before the schema wait for it, then checks with it', async () => {
    let arrive!: (s: typeof schema) => void
    const { resolver } = lazySchemaResolver<Values>(() => new Promise((r) => (arrive = r)))
    const pending = resolver({ phone: '1' }, undefined, options)
    arrive(schema)
    const result = await pending
    expect(result.errors.phone?.message).toBe('Téléphone : trop court.')
    expect(await resolver({ phone: ' 0612 ' }, undefined, options)).toEqual({
      values: { phone: '0612' },
      errors: {},
    })
  })

  it('fetches the schema once, however often the form preloads and submits', async () => {
    const load = vi.fn(async () => schema)
    const { resolver, preload } = lazySchemaResolver<Values>(load)
    preload()
    preload()
    await resolver({ phone: '1' }, undefined, options)
    await resolver({ phone: '123' }, undefined, options)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('lets the server check the form when the schema cannot be fetched, and fetches again next time', async () => {
    const load = vi
      .fn<() => Promise<typeof schema>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(schema)
    const { resolver } = lazySchemaResolver<Values>(load)
    expect(await resolver({ phone: '1' }, undefined, options)).toEqual({
      values: { phone: '1' },
      errors: {},
    })
    const retried = await resolver({ phone: '1' }, undefined, options)
    expect(retried.errors.phone?.message).toBe('Téléphone : trop court.')
    expect(load).toHaveBeenCalledTimes(2)
  })
})
