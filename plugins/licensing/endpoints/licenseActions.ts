import { z } from 'zod'

import { multiLineText, plainText } from '../../clientApi'
import { staffAction } from '../../../src/http/staffAction'
import { productById } from '../../catalogue'
import { addModules } from '../actions/addModules'
import { addPack } from '../actions/addPack'
import { licenseNotFound } from '../actions/changeLicense'
import { conversionTargets, convertLicense } from '../actions/convertLicense'
import { createTrialForCustomer } from '../actions/createTrialForCustomer'
import { extendLicense } from '../actions/extendLicense'
import { reinstateLicense, suspendLicense } from '../actions/setLicenseStatus'
import { actorOf } from '../history/actors'
import { issueArmoredLicenseFile } from '../licenseFiles/issueLicenseFile'
import { findLicenseById } from '../licenseRecord'
import { licensingSettings } from '../settings'

const days = z.number().int().min(1).max(3650)
const count = z.number().int().min(0).max(100_000)
const moduleName = plainText().trim().min(1).max(64)
const support = ['support'] as const

/** Support's one-click actions on a license (`/api/licenses/:id/actions/<action>`). */
export const licenseActionEndpoints = [
  ...staffAction({
    collection: 'licenses',
    action: 'extend',
    roles: support,
    body: z.object({ days: days.optional() }),
    handler: async ({ req, id, body, user }) => ({
      license: await extendLicense(
        req.payload,
        { licenseId: id, days: body.days ?? licensingSettings(req.payload).extendDays },
        actorOf(user),
      ),
    }),
  }),
  ...staffAction({
    collection: 'licenses',
    action: 'add-modules',
    roles: support,
    body: z.object({ modules: z.array(moduleName).min(1).max(50) }),
    handler: async ({ req, id, body, user }) => ({
      license: await addModules(
        req.payload,
        { licenseId: id, modules: body.modules },
        actorOf(user),
      ),
    }),
  }),
  ...staffAction({
    collection: 'licenses',
    action: 'add-pack',
    roles: support,
    body: z.object({
      clients: count.optional(),
      users: count.optional(),
      credits: count.optional(),
    }),
    handler: async ({ req, id, body, user }) => ({
      license: await addPack(req.payload, { licenseId: id, ...body }, actorOf(user)),
    }),
  }),
  ...staffAction({
    collection: 'licenses',
    action: 'suspend',
    roles: support,
    body: z.object({ reason: multiLineText().trim().max(500).optional() }),
    handler: async ({ req, id, body, user }) => ({
      license: await suspendLicense(
        req.payload,
        { licenseId: id, reason: body.reason },
        actorOf(user),
      ),
    }),
  }),
  ...staffAction({
    collection: 'licenses',
    action: 'reinstate',
    roles: support,
    handler: async ({ req, id, user }) => ({
      license: await reinstateLicense(req.payload, { licenseId: id }, actorOf(user)),
    }),
  }),
  ...staffAction({
    collection: 'licenses',
    action: 'convert',
    roles: support,
    body: z.object({ to: z.enum(conversionTargets), days: days.optional() }),
    handler: async ({ req, id, body, user }) => ({
      license: await convertLicense(req.payload, { licenseId: id, ...body }, actorOf(user)),
    }),
  }),
  ...staffAction({
    collection: 'licenses',
    action: 'license-file',
    method: 'get',
    roles: support,
    query: z.object({ fingerprint: plainText().trim().min(1).max(256).optional() }),
    formerPaths: ['/:id/license-file'],
    handler: async ({ req, id, query }) => {
      const license = await findLicenseById(req.payload, id)
      const product = license && (await productById(req.payload, license.product))
      if (!license || !product) throw licenseNotFound(id)
      const file = await issueArmoredLicenseFile(req.payload, license, product, {
        fingerprint: query.fingerprint ?? null,
        validDays: licensingSettings(req.payload).licenseFileDays,
      })
      return new Response(file, {
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Disposition': `attachment; filename="license-${id}.lic"`,
        },
      })
    },
  }),
]

/** "Create trial" from a customer (`/api/customers/:id/actions/create-trial`). */
export const customerActionEndpoints = staffAction({
  collection: 'customers',
  action: 'create-trial',
  roles: support,
  body: z.object({
    product: z.union([plainText().trim().min(1).max(64), z.number().int()]),
    line: plainText().trim().max(32).optional(),
    days: days.optional(),
  }),
  handler: async ({ req, id, body, user }) =>
    Response.json(
      {
        license: await createTrialForCustomer(
          req.payload,
          { customerId: id, ...body },
          actorOf(user),
        ),
      },
      { status: 201 },
    ),
})
