import type { Browser } from 'playwright-core'

import { launchChromium } from './launchChromium'
import { startNextServer, type NextServer } from './startNextServer'

/** The password every seeded staff account gets in the end-to-end runs. */
export const e2eStaffPassword = 'e2e-admin-password'

export type AdminSession = { server: NextServer; browser: Browser; stop: () => Promise<void> }

/** A seeded production server (with `env` besides) and a Chromium to drive its admin. */
export const startAdminSession = async (
  env: Record<string, string> = {},
): Promise<AdminSession> => {
  const server = await startNextServer({ SEED_ADMIN_PASSWORD: e2eStaffPassword, ...env })
  let browser: Browser
  try {
    browser = await launchChromium()
  } catch (error) {
    // No browser (not installed, say): the server must not outlive the failed run.
    await server.stop()
    throw error
  }
  return {
    server,
    browser,
    stop: async () => {
      await browser.close()
      await server.stop()
    },
  }
}
