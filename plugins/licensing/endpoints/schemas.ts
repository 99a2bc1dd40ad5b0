import { z } from 'zod'

import { nonceMeta, plainText } from '../../clientApi'
import { activationRoles } from '../collections/Activations'

// What the licensing endpoints accept; the OpenAPI document is generated from these.

/** A license key as typed: long keys are refused before anything else looks at them. */
export const licenseKey = plainText()
  .trim()
  .min(1, 'Required')
  .max(256, 'At most 256 characters')
  .meta({
    description:
      'License key, e.g. PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K (case and dashes do not matter)',
    examples: ['PMON-7QK2M-0ZC9D-H4TXV-N8R1B-6JWEA-K'],
  })
export const fingerprint = plainText()
  .trim()
  .min(1, 'Required')
  .max(256, 'At most 256 characters')
  .meta({ description: 'Stable id of this installation' })
export const nonce = plainText()
  .min(1)
  .max(256, 'At most 256 characters')
  .meta(nonceMeta)
  .optional()
const shortText = plainText().trim().min(1).max(128)
const product = shortText.meta({ examples: ['promonitor'] })
const line = shortText.meta({ examples: ['v7'] })
const hostname = plainText().trim().max(255).optional()
const appVersion = plainText().trim().max(64).optional()
const role = z.enum(activationRoles).meta({ description: 'Default: app' }).optional()
/** How many users the installation has now (reported with validate and activate). */
const users = z
  .number({ error: 'Must be a whole number' })
  .int('Must be a whole number')
  .min(0)
  .max(1_000_000)
  .meta({
    description:
      'Users this installation has now; stored on its activation, summed as the license’s `usersInUse`',
  })
  .optional()

export const validateRequest = z.object({
  key: licenseKey,
  fingerprint: fingerprint.optional(),
  product: product.optional(),
  line: line.optional(),
  users,
  nonce,
})

export const activateRequest = z.object({
  key: licenseKey,
  fingerprint,
  hostname,
  role,
  appVersion,
  users,
  nonce,
})

export const deactivateRequest = z.object({ key: licenseKey, fingerprint, nonce })

export const appLicenseRequest = z.object({
  company: z
    .union([plainText().trim().min(1).max(64), z.number().int()])
    .meta({ description: 'A company id from GET /api/v1/app/companies' }),
  product,
  line: line.optional(),
  fingerprint,
  hostname,
  role,
  appVersion,
  nonce,
})

export const appLicenseKeyRequest = z.object({
  company: appLicenseRequest.shape.company,
  product,
  line: line.optional(),
  fingerprint: fingerprint.meta({
    description: "The master's own fingerprint (a license already running there is preferred)",
  }),
})

export const email = plainText().trim().toLowerCase().max(254).email('Not an email address')

export const trialRequest = z.object({
  email,
  product,
  line: line.meta({ description: "Default: the product's newest line" }).optional(),
  fingerprint: fingerprint.optional(),
  hostname,
  source: plainText()
    .trim()
    .max(64)
    .meta({ examples: ['datadog-button'] })
    .optional(),
})
