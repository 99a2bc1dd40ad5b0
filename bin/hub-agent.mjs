#!/usr/bin/env node
// `npx hub-agent …` in the repository: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../src/agent/cli/main.ts')
