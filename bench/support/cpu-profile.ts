// Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) of the server: where the
// CPU went, by package and by function, with bundled code (Next.js' server chunks) mapped
// back to its sources through the build's source maps.
//
//   BENCH_SERVER_NODE_OPTIONS="--import ./bench/support/cpu-profiler.mjs" CPU_PROFILE_DIR=/tmp/prof \
//     npm run bench:recommendation -- …
//   npx tsx bench/support/cpu-profile.ts /tmp/prof/next-start-*.cpuprofile --from respond.ts
//
// `--from <function>` drops the samples taken before that function first ran (start-up,
// the benchmark's set-up; a function name or part of its source path); `--top <n>` rows per
// table (30); `--callers <function>` adds who called that function (the nearest frames that
// are not Node's own).
import { existsSync, readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

type CallFrame = {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

type Frame = { name: string; where: string; origin: string }

const maps = new Map<string, SourceMap | null>()
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null
    try {
      const file = fileURLToPath(url) + '.map'
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')))
    } catch {
      map = null
    }
    maps.set(url, map)
  }
  return maps.get(url)!
}

/** The package a source path belongs to, or `app` for this repository's own code. */
function originOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (match) {
    // The last node_modules segment names the package (nested dependencies).
    const all = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)]
    return all[all.length - 1]![1]!
  }
  if (path.startsWith('node:') || !path.includes('/')) return '(node)'
  return 'app'
}

function frameOf(callFrame: CallFrame): Frame {
  const { functionName, url, lineNumber, columnNumber } = callFrame
  const name = functionName || '(anonymous)'
  if (!url) return { name, where: '', origin: name.startsWith('(') ? name : '(node)' }
  if (url.startsWith('node:')) return { name, where: url, origin: '(node)' }
  const map = url.startsWith('file:') && url.includes('/.next/') ? sourceMapOf(url) : null
  if (map) {
    const entry = map.findEntry(lineNumber, columnNumber) as {
      originalSource?: string
      originalLine?: number
      name?: string
    }
    if (entry.originalSource) {
      const source = entry.originalSource
        .replace(/^turbopack:\/\/\/?/, '')
        .replace(/^\[project\]\//, '')
      return {
        name: functionName || entry.name || '(anonymous)',
        where: `${source}:${(entry.originalLine ?? 0) + 1}`,
        origin: originOf(source),
      }
    }
  }
  const path = url.replace(/^file:\/\//, '')
  const short = path.replace(/^.*?\/(node_modules|\.next)\//, '$1/')
  return { name, where: `${short}:${lineNumber + 1}`, origin: originOf(path) }
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, top: { type: 'string' }, callers: { type: 'string' } },
  })
  const file = positionals[0]
  if (!file)
    throw new Error('usage: cpu-profile.ts <file.cpuprofile> [--from <function>] [--top n]')
  const top = Number(values.top ?? 30)
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const frames = new Map(profile.nodes.map((n) => [n.id, frameOf(n.callFrame)]))
  const stackOf = (id: number) => {
    const stack: number[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at)
    return stack
  }

  let started = values.from === undefined
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const selfByOrigin = new Map<string, number>()
  const callers = new Map<string, number>()
  const byEntry = new Map<string, number>()
  const totalByOrigin = new Map<string, number>()
  let sampled = 0
  let idle = 0
  const add = (map: Map<string, number>, key: string, us: number) =>
    map.set(key, (map.get(key) ?? 0) + us)

  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0 // a sample's time is the delta to the next one
    const stack = stackOf(profile.samples[i]!)
    if (!started) {
      started = stack.some((id) => {
        const frame = frames.get(id)!
        return frame.name === values.from || frame.where.includes(values.from!)
      })
      if (!started) continue
    }
    const leaf = frames.get(stack[0]!)!
    if (leaf.name === '(idle)') {
      idle += us
      continue
    }
    sampled += us
    const callee = values.callers
      ? stack.findIndex((id) => frames.get(id)!.name === values.callers)
      : -1
    if (callee >= 0) {
      // The nearest frames above it that are not Node's own: who asked for it.
      const above = stack
        .slice(callee + 1)
        .map((id) => frames.get(id)!)
        .filter((f) => f.origin !== '(node)' && !f.name.startsWith('('))
        .slice(0, 3)
        .map((f) => `${f.name} ${f.where}`)
      add(callers, above.join(' < ') || '(none)', us)
    }
    add(self, `${leaf.name}  ${leaf.where}`, us)
    add(selfByOrigin, leaf.origin, us)
    // The outermost frame that is not Node's own: the code that this synchronous run
    // (a callback, a promise continuation) belongs to.
    const entry = [...stack].reverse().find((id) => {
      const f = frames.get(id)!
      return f.origin !== '(node)' && !f.name.startsWith('(')
    })
    add(byEntry, entry === undefined ? leaf.origin : frames.get(entry)!.origin, us)
    const seen = new Set<string>()
    const seenOrigins = new Set<string>()
    for (const id of stack) {
      const frame = frames.get(id)!
      const key = `${frame.name}  ${frame.where}`
      if (!seen.has(key)) add(total, key, us)
      seen.add(key)
      if (!seenOrigins.has(frame.origin)) add(totalByOrigin, frame.origin, us)
      seenOrigins.add(frame.origin)
    }
  }
  if (!started) throw new Error(`no sample in ${values.from}`)

  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7)
  const pct = (us: number) => ((100 * us) / sampled).toFixed(1).padStart(5) + ' %'
  const table = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`)
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${ms(us)} ms ${pct(us)}  ${key}`)
  }
  console.log(`busy ${ms(sampled)} ms, idle ${ms(idle)} ms`)
  table('self time by package', selfByOrigin)
  table('total time by package (time with one of its frames on the stack)', totalByOrigin)
  table("time by the package that runs (outermost frame that is not Node's own)", byEntry)
  table('self time by function', self)
  table('total time by function', total)
  if (values.callers) table(`callers of ${values.callers}`, callers)
}

main()
