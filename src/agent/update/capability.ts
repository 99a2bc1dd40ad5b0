import type { Capability } from '../capability'
import { registerUpdateCommands } from './commands'
import { startRegularChecks } from './regularChecks'
import { registerUpdateRoutes } from './routes'

/** Updates of the app and its collectors: commands, daemon routes and the regular checks. */
export const updateCapability: Capability = {
  name: 'update',
  registerCommands: registerUpdateCommands,
  registerRoutes: registerUpdateRoutes,
  startBackgroundWork: (context) => {
    const checks = startRegularChecks(context)
    return { settingsChanged: checks.reschedule, stop: checks.stop }
  },
}
