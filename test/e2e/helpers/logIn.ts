import type { Page } from 'playwright-core'

/** Logs a staff member into /admin through the login form, as a person would. */
export const logIn = async (
  page: Page,
  url: string,
  email: string,
  password: string,
): Promise<void> => {
  await page.goto(`${url}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${url}/admin`, { timeout: 60_000 })
}
