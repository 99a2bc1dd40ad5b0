import { z } from 'zod'

import { multiLineText, plainText, readJsonBody, readQuery } from '../../clientApi'
import { addModules } from '../actions/addModules'
import { addPack } from '../actions/addPack'
import { licenseNotFound } from '../actions/changeLicense'
import { conversionTargets, convertLicense } from '../actions/convertLicense'
import { createTrialForCustomer } from '../actions/createTrialForCustomer'
import { extendLicense } from '../actions/extendLicense'
import { reinstateLicense, suspendLicense } from '../actions/setLicenseStatus'
import { issueArmoredLicenseFile } from '../licenseFiles/issueLicenseFile'
import { findLicenseById } from '../licenseRecord'
import { productById } from '../../catalogue'
import { licensingSettings } from '../settings'
import { staffEndpoint } from './staffEndpoint'

const days = z.number().int().min(1).max(3650)
const count = z.number().int().min(0).max(100_000)
const moduleName = plainText().trim().min(1).max(64)

/** The one-click actions on a license (`/api/licenses/:id/actions/<action>`). */
export const licenseActionEndpoints = [
  staffEndpoint('/:id/actions/extend', 'post', async (req, { id, actor }) => {
    const body = await readJsonBody(req, z.object({ days: days.optional() }))
    return Response.json({ license: await extendLicense(req.payload, { licenseId: id, days: body.days ?? licensingSettings(req.payload).extendDays }, actor) })
  }),
  staffEndpoint('/:id/actions/add-modules', 'post', async (req, { id, actor }) => {
    const { modules } = await readJsonBody(req, z.object({ modules: z.array(moduleName).min(1).max(50) }))
    return Response.json({ license: await addModules(req.payload, { licenseId: id, modules }, actor) })
  }),
  staffEndpoint('/:id/actions/add-pack', 'post', async (req, { id, actor }) => {
    const pack = await readJsonBody(req, z.object({ clients: count.optional(), users: count.optional(), credits: count.optional() }))
    return Response.json({ license: await addPack(req.payload, { licenseId: id, ...pack }, actor) })
  }),
  staffEndpoint('/:id/actions/suspend', 'post', async (req, { id, actor }) => {
    const { reason } = await readJsonBody(req, z.object({ reason: multiLineText().trim().max(500).optional() }))
    return Response.json({ license: await suspendLicense(req.payload, { licenseId: id, reason }, actor) })
  }),
  staffEndpoint('/:id/actions/reinstate', 'post', async (req, { id, actor }) => {
    await readJsonBody(req, z.object({}))
    return Response.json({ license: await reinstateLicense(req.payload, { licenseId: id }, actor) })
  }),
  staffEndpoint('/:id/actions/convert', 'post', async (req, { id, actor }) => {
    const body = await readJsonBody(req, z.object({ to: z.enum(conversionTargets), days: days.optional() }))
    return Response.json({ license: await convertLicense(req.payload, { licenseId: id, ...body }, actor) })
  }),
  staffEndpoint('/:id/license-file', 'get', async (req, { id }) => {
    const { fingerprint } = readQuery(req, z.object({ fingerprint: plainText().trim().min(1).max(256).optional() }))
    const license = await findLicenseById(req.payload, id)
    const product = license && (await productById(req.payload, license.product))
    if (!license || !product) throw licenseNotFound(id)
    const file = await issueArmoredLicenseFile(req.payload, license, product, { fingerprint: fingerprint ?? null, validDays: licensingSettings(req.payload).licenseFileDays })
    return new Response(file, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="license-${id}.lic"` } })
  }),
]

/** "Create trial" from a customer (`/api/customers/:id/actions/create-trial`). */
export const customerActionEndpoints = [
  staffEndpoint('/:id/actions/create-trial', 'post', async (req, { id, actor }) => {
    const body = await readJsonBody(req, z.object({ product: z.union([plainText().trim().min(1).max(64), z.number().int()]), line: plainText().trim().max(32).optional(), days: days.optional() }))
    return Response.json({ license: await createTrialForCustomer(req.payload, { customerId: id, ...body }, actor) }, { status: 201 })
  }),
]
