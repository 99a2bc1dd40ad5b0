import type { Capability } from '../capability'
import { registerLicenseCommands } from './commands'
import { startLicenseChecks } from './regularChecks'
import { registerLicenseRoutes } from './routes'

/** The license manager: `license …` commands, `/license/…` routes, the daily checks. */
export const licenseCapability: Capability = {
  name: 'license',
  registerCommands: registerLicenseCommands,
  registerRoutes: registerLicenseRoutes,
  startBackgroundWork: (context) => startLicenseChecks(context),
}
