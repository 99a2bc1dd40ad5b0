import type { Capability } from '../capability'
import { registerUpdateCommands } from './commands'
import { startRegularChecks } from './regularChecks'

/** Updates of the app and its collectors: commands, daemon routes and the regular checks. */
export const updateCapability: Capability = {
  name: 'update',
  registerCommands: registerUpdateCommands,
  loadRoutes: async () => (await import('./routes')).registerUpdateRoutes,
  startBackgroundWork: (context) => {
    const checks = startRegularChecks(context)
    return { settingsChanged: checks.reschedule, stop: checks.stop }
  },
}
