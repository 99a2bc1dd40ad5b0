import type { Capability } from '../capability'
import { registerLicenseCommands } from './commands'
import { startLicenseChecks } from './regularChecks'

/** The license manager: `license …` commands, `/license/…` routes, the daily checks. */
export const licenseCapability: Capability = {
  name: 'license',
  registerCommands: registerLicenseCommands,
  loadRoutes: async () => (await import('./routes')).registerLicenseRoutes,
  startBackgroundWork: (context) => startLicenseChecks(context),
}
