import { rmSync } from 'node:fs'
import { SESSIONS_DIR } from './sign-in'

// Each run starts with a fresh database: sessions saved by an earlier run are worthless.
export default function globalSetup() {
  rmSync(SESSIONS_DIR, { recursive: true, force: true })
}
