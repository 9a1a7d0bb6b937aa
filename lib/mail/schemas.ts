import { z } from 'zod'

/** Re-queue one failed email of the outbox page. */
export const requeueEmailSchema = z.object({ emailId: z.uuid() })
/** Re-queue every failed email of the establishment. */
export const requeueAllFailedSchema = z.object({})
