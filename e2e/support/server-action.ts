import { readFileSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> }

/** The id `next build` gave an exported server action (it changes with every build). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as Manifest
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename === filename && entry.exportedName === exportedName)
    .map(([id]) => id)
  if (ids.length !== 1)
    throw new Error(
      `expected one server action ${exportedName} in ${filename}, found ${ids.length}`,
    )
  return ids[0]!
}

/** The action's return value out of the RSC response (one `<id>:<json>` row per line). */
export function actionResult(body: string): Record<string, unknown> | undefined {
  for (const line of body.split('\n')) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line)
    if (!match) continue
    try {
      const row = JSON.parse(match[1]!) as Record<string, unknown>
      if ('ok' in row) return row
    } catch {
      // another kind of row
    }
  }
  return undefined
}

/** Calls a server action as the browser does, with the cookies of `request`'s context. */
export async function callAction(
  request: APIRequestContext,
  pagePath: string,
  file: string,
  name: string,
  args: unknown[],
) {
  const response = await request.post(pagePath, {
    headers: {
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': serverActionId(file, name),
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  })
  return { status: response.status(), result: actionResult(await response.text()) }
}
