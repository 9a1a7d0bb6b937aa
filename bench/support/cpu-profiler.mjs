// Preloaded into the server to write a V8 CPU profile of `next start` when it exits (Node 20
// refuses --cpu-prof in NODE_OPTIONS); the benchmark passes NODE_OPTIONS to its server only:
//   BENCH_SERVER_NODE_OPTIONS="--import ./bench/support/cpu-profiler.mjs" CPU_PROFILE_DIR=/tmp/prof \
//     npm run bench:recommendation -- …
// then summarise it with bench/support/cpu-profile.ts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import path from 'node:path'

const dir = process.env.CPU_PROFILE_DIR
const isNextStart =
  process.argv.some((arg) => arg.endsWith('next/dist/bin/next')) && process.argv.includes('start')

if (dir && isNextStart) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.start')
  // The in-thread inspector answers synchronously, so this works in an 'exit' listener.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return
      mkdirSync(dir, { recursive: true })
      writeFileSync(
        path.join(dir, `next-start-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      )
    })
  })
}
