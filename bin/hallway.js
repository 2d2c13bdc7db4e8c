#!/usr/bin/env node
// `npx hallway` / the installed `hallway` command: load TypeScript through
// tsx in this same process (no child process that could outlive a kill).
import { register } from 'tsx/esm/api'

register()
await import('./hallway.ts')
