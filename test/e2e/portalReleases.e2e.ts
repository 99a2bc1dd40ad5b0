import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { License } from '../../payload-types'
import { keyRefusedMessage } from '../../plugins/updates/downloads/checkDirectLinkKey'
import { demoCustomerPassword } from '../../plugins/seed/people'
import { e2eStaffPassword, startAdminSession, type AdminSession } from './helpers/adminSession'

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Clicks a download control and returns the bytes the browser saved. */
const downloadedBy = async (page: Page, click: () => Promise<void>): Promise<Buffer> => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return readFile((await download.path())!)
}

/** The SHA-256 the page lists for a platform's file. */
const listedSha256 = (page: Page, platform: string) =>
  page.locator(`tr[data-platform="${platform}"] [data-sha256]`).first().textContent()

/**
 * The release pages in Chromium against the production build: a signed-in customer's release page
 * and download, the direct link with a wrong then a right license key, the FAQ.
 */
describe('portal release pages (production build)', () => {
  let session: AdminSession
  let acmeV7: License
  let acmeCollector: License

  const url = (path: string) => `${session.server.url}${path}`

  /** A browser context signed in as a seeded customer through Payload's REST login (its cookie). */
  const signedInAs = async (email: string): Promise<BrowserContext> => {
    const context = await session.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    })
    const login = await context.request.post(url('/api/customer-users/login'), {
      data: { email, password: demoCustomerPassword },
    })
    expect(login.status()).toBe(200)
    return context
  }

  beforeAll(async () => {
    session = await startAdminSession()
    const staffLogin = await fetch(url('/api/users/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'support@example.com', password: e2eStaffPassword }),
    })
    const { token } = (await staffLogin.json()) as { token: string }
    const licenses = (await (
      await fetch(url('/api/licenses?limit=100&depth=1'), {
        headers: { Authorization: `JWT ${token}` },
      })
    ).json()) as { docs: License[] }
    const acmeOf = (product: string, line: string) =>
      licenses.docs.find(
        (license) =>
          typeof license.customer === 'object' &&
          license.customer.name === 'Acme Industrial' &&
          typeof license.product === 'object' &&
          license.product.slug === product &&
          license.line === line,
      )!
    acmeV7 = acmeOf('promonitor', 'v7')
    acmeCollector = acmeOf('collector', 'v7')
  })
  afterAll(async () => session?.stop())

  it('shows a signed-in customer the updates, a release page, and downloads a file whose bytes match the listed sha256', async () => {
    const context = await signedInAs('alice@acme.example')
    const page = await context.newPage()
    await page.goto(url('/portal/updates'))
    const v7 = page.locator('section[data-line="promonitor/v7"]')
    await expect(v7.locator('h2').textContent()).resolves.toBe('ProMonitor V7')
    const versions = await v7
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-version')))
    expect(versions.slice(0, 4)).toEqual(['7.5.0-beta.1', '7.4.0', '7.3.0', '7.2.0'])

    await v7.getByRole('link', { name: '7.4.0', exact: true }).click()
    await page.waitForURL(url('/portal/releases/promonitor/v7/7.4.0'))
    await expect(page.locator('h1').textContent()).resolves.toBe('Version 7.4.0')
    await expect(page.locator('#release-notes').isVisible()).resolves.toBe(true)
    const changelog = await page.locator('section[aria-labelledby="release-changelog"] li').count()
    expect(changelog).toBeGreaterThan(0)
    await expect(page.locator('video').getAttribute('aria-label')).resolves.toMatch(
      /What's new in ProMonitor 7\.4\.0/,
    )
    await expect(
      page.getByRole('link', { name: /upgrade notes \(wiki\)/ }).getAttribute('href'),
    ).resolves.toBe('https://wiki.promonitor.example/promonitor/7.4.0')
    await page.screenshot({ path: 'docs/images/portal-release.png', fullPage: true })

    const listed = await listedSha256(page, 'linux-x64')
    const bytes = await downloadedBy(page, () =>
      page.getByRole('button', { name: 'Download for linux-x64' }).click(),
    )
    expect(bytes.length).toBeGreaterThan(0)
    expect(sha256Of(bytes)).toBe(listed)
    await context.close()
  })

  it('explains to a customer without a covering license why there is no download', async () => {
    const context = await signedInAs('ulla@umbrella.example')
    const page = await context.newPage()
    await page.goto(url('/portal/releases/collector/v7/7.3.0'))
    await expect(page.locator('h1').textContent()).resolves.toBe('Version 7.3.0')
    await expect(page.locator('[data-refusal]').textContent()).resolves.toContain(
      'None of your companies’ licenses is for Collector',
    )
    expect(await page.getByRole('button', { name: /^Download/ }).count()).toBe(0)
    await context.close()
  })

  it('opens the direct link without signing in: a wrong key is refused, a right key downloads (no JavaScript)', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
      acceptDownloads: true,
    })
    const page = await context.newPage()
    await page.goto(url('/r/promonitor/v7/7.4.0'))
    await expect(page.locator('h1').textContent()).resolves.toBe('Version 7.4.0')
    await expect(page.locator('#release-changelog').isVisible()).resolves.toBe(true)
    expect(await page.locator('a.button[download]').count()).toBe(0)

    await page.getByLabel('License key').fill(String(acmeCollector.key))
    await page.getByRole('button', { name: 'Show downloads' }).click()
    await page.waitForLoadState()
    await expect(page.getByRole('alert').textContent()).resolves.toBe(keyRefusedMessage)

    await page.getByLabel('License key').fill(String(acmeV7.key))
    await page.getByRole('button', { name: 'Show downloads' }).click()
    await page.waitForLoadState()
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Your license key covers this release.',
    )
    expect(page.url()).toBe(url('/r/promonitor/v7/7.4.0'))
    expect(await page.content()).not.toContain(String(acmeV7.key))
    await page.screenshot({ path: 'docs/images/portal-direct-link.png', fullPage: true })

    const listed = await listedSha256(page, 'windows-x64')
    const bytes = await downloadedBy(page, () =>
      page.getByRole('link', { name: 'Download for windows-x64' }).click(),
    )
    expect(sha256Of(bytes)).toBe(listed)
    await context.close()
  })

  it('sends the notes link of signed manifests (/portal/releases/<id>) on to the direct link', async () => {
    const found = (await (
      await fetch(url('/api/releases?where[version][equals]=7.4.0&depth=0&limit=1'))
    ).json()) as { docs: Array<{ id: number }> }
    const context = await session.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url(`/portal/releases/${found.docs[0].id}`))
    expect(page.url()).toBe(url('/r/promonitor/v7/7.4.0'))
    await expect(page.locator('h1').textContent()).resolves.toBe('Version 7.4.0')
    const missing = await page.goto(url('/portal/releases/999999'))
    expect(missing?.status()).toBe(404)
    await context.close()
  })

  it('shows the FAQ to anyone, by topic with anchors, including how to install a license manually', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(url('/portal/faq'))
    await expect(page.locator('h1').textContent()).resolves.toBe('Frequently asked questions')
    const manual = page
      .locator('nav[aria-labelledby="faq-contents"]')
      .getByRole('link', { name: 'How do I install a license manually (offline)?' })
    const anchor = await manual.getAttribute('href')
    expect(anchor).toMatch(/^#faq-\d+$/)
    const answer = page.locator(anchor!)
    await expect(answer.locator('h3').textContent()).resolves.toBe(
      'How do I install a license manually (offline)?',
    )
    await expect(
      answer.getByRole('link', { name: 'the wiki page' }).getAttribute('href'),
    ).resolves.toBe('https://wiki.promonitor.example/licensing/install-manually')
    await expect(page.locator('#topic-licensing h2').textContent()).resolves.toBe('Licenses')
    await context.close()
  })
})
