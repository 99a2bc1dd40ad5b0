import express, { type Router } from 'express'

import type { AgentContext } from '../context'
import { jsonRoute } from '../daemon/routeHelpers'
import { activateLicense, checkLicense, deactivateLicense, loadLicenseFile } from './checkLicense'
import { readLicenseStatus } from './licenseRecord'
import { chooseCompany, loginMaster, startTrial } from './masterLogin'
import { recordUse } from './recordUse'

const field = (body: unknown, name: string): unknown =>
  (body as Record<string, unknown> | undefined)?.[name]

/** The license manager's daemon routes, mirroring its commands (`/license/...`). */
export const registerLicenseRoutes = (router: Router, context: AgentContext): void => {
  const json = express.json({ limit: '128kb' })
  router.get(
    '/license',
    jsonRoute(async () => readLicenseStatus(context)),
  )
  router.post(
    '/license/check',
    jsonRoute(async () => checkLicense(context)),
  )
  router.post(
    '/license/activate',
    json,
    jsonRoute(async (request) => activateLicense(context, field(request.body, 'key') as string)),
  )
  // The offline textbox: `{ "licenseFile": "…" }`, or the file itself as text/plain.
  router.post(
    '/license/load-file',
    json,
    express.text({ limit: '128kb' }),
    jsonRoute(async (request) =>
      loadLicenseFile(
        context,
        (typeof request.body === 'string'
          ? request.body
          : field(request.body, 'licenseFile')) as string,
      ),
    ),
  )
  router.post(
    '/license/deactivate',
    jsonRoute(async () => deactivateLicense(context)),
  )
  router.post(
    '/license/login',
    json,
    jsonRoute(async (request) => loginMaster(context, field(request.body, 'apiKey') as string)),
  )
  router.post(
    '/license/choose',
    json,
    jsonRoute(async (request) => chooseCompany(context, field(request.body, 'company') as string)),
  )
  router.post(
    '/license/trial',
    json,
    jsonRoute(async (request) => startTrial(context, field(request.body, 'email') as string)),
  )
  router.post(
    '/license/usage',
    json,
    jsonRoute(async (request) =>
      recordUse(context, {
        quantity: field(request.body, 'quantity') as number,
        id: field(request.body, 'id') as string | undefined,
      }),
    ),
  )
}
