import type { Command } from 'commander'
import type { Router } from 'express'

import type { AgentContext } from './context'

/**
 * One thing the agent does for the host app (updates, the license manager, the master relay). Each adds
 * its commands to the CLI, its routes to the daemon, and may run work in the daemon's background.
 */
export type Capability = {
  name: string
  registerCommands: (program: Command) => void
  /**
   * Loads what adds its routes to the daemon's router: imported when the daemon starts, so a CLI
   * command does not load the HTTP server's packages (express alone is a third of a start).
   */
  loadRoutes?: () => Promise<(router: Router, context: AgentContext) => void>
  startBackgroundWork?: (context: AgentContext) => {
    settingsChanged?: () => void
    stop: () => Promise<void>
  }
}
